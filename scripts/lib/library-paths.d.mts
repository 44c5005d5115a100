export declare const SOURCE_ROOTS: readonly string[];
export declare const ENTRY: {
  readonly index: string;
  readonly headless: string;
  readonly core: string;
  readonly styles: string;
  readonly embedStyles: string;
};
export declare const UI_SOURCES: string;
export declare const MAIN_CHUNK_SOURCES: readonly string[];
export declare const LOCALES: string;
export declare const FIRST_LOAD_CORE: readonly string[];
export declare const ON_DEMAND_CORE: readonly string[];
export declare const MARKER: {
  readonly banner: string;
  readonly dialog: string;
  readonly policy: string;
  readonly radix: string;
  readonly i18next: string;
  readonly embed: string;
};
export declare const LANGUAGE_MARKER: Readonly<Record<string, string>>;
export declare const SHOP_TEXTS_MARKER: Readonly<Record<string, string>>;
export declare const DETAILS_MARKER: Readonly<Record<string, string>>;
export declare const EMBED_TEXTS_MARKER: Readonly<Record<string, string>>;
