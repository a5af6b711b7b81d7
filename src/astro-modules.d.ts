// For plain `tsc`: .astro files are type-checked by `astro check`; here they are just components.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
