/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the build the scanner's tests make to check that a scan fails (scan-violation.ts). */
  readonly VITE_SCAN_VIOLATION?: string;
}
