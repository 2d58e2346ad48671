/** The languages the bot speaks: Swedish first, English second. */
export type Locale = 'sv' | 'en';
