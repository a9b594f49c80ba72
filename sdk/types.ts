/**
 * An internationalised text: a plain string (stored as `{ default: text }`) or a flat map of locale to text that
 * must hold a non-empty `default`, e.g. `{ default: "Energy Management", zh_CN: "能源管理" }`.
 */
export type I18nInput = string | ({ default: string } & Record<string, string>);

/** The stored form of an internationalised text: locale keys such as `default`, `en_US`, `zh_CN`. */
export type I18n = Record<string, string>;

/**
 * A device, named as connect-service addresses it: by `assetId`, or by `productKey` plus `deviceKey`, never both
 * (the other keys must then be absent).
 */
export type DeviceIdentity<T = string> =
  | {
      /** Asset id of the device, e.g. `"a-turbine-7"`. */
      assetId: T;
      productKey?: never;
      deviceKey?: never;
    }
  | {
      assetId?: never;
      /** Product key of the device, e.g. `"p-turbine"`. */
      productKey: T;
      /** Device key within the product, e.g. `"turbine-7"`. */
      deviceKey: T;
    };
