// `.liquid` files are bundled as text (esbuild's text loader; in tests a Node load hook).
declare module '*.liquid' {
  const source: string;
  export default source;
}
