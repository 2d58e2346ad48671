/** The shape every translation must have: the same keys as the Swedish original, any strings. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Some of a catalogue's strings, replacing those of the same keys (e.g. the wording for a chat). */
export type Overrides<T> = { [K in keyof T]?: T[K] extends string ? string : Overrides<T[K]> };
