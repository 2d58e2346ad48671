/** The shape every translation must have: the same keys as the Swedish original, any strings. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
