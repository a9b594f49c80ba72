/**
 * An internationalised text: a plain string (stored as `{ default: text }`) or a flat map of locale to text that
 * must hold a non-empty `default`, e.g. `{ default: "Energy Management", zh_CN: "能源管理" }`.
 */
export type I18nInput = string | ({ default: string } & Record<string, string>);

/** The stored form of an internationalised text: locale keys such as `default`, `en_US`, `zh_CN`. */
export type I18n = Record<string, string>;
