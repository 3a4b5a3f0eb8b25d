/** html-encoding-sniffer ships no TypeScript declarations; this covers the one call src/io/encoding.ts makes. */
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    /** XML sniffing (a byte order mark, then the XML declaration) instead of HTML's `<meta>` prescan. */
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    /** What is returned when nothing declares an encoding. */
    defaultEncoding?: string;
    maxPrescanBytes?: number;
  }
  /** The canonical name of the encoding (`windows-1252`, `UTF-8`), or `defaultEncoding`. */
  export default function sniffHtmlEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
