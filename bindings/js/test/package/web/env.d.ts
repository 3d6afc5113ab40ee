// esbuild's `file` loader: importing a `.wasm` gives the URL of the asset it emits.
declare module "*.wasm" {
  const url: string;
  export default url;
}
