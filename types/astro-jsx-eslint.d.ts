// For ESLint only (tsconfig.eslint.json): astro-eslint-parser types a component's markup as TSX, where
// astro's JSX.Element is `HTMLElement | any`, so every `{list.map((x) => <li>…</li>)}` would be an unsafe `any` return.
// This is the fix eslint-plugin-astro's README gives. `astro check` keeps Astro's own JSX types.
import 'astro/astro-jsx';

declare global {
  namespace JSX {
    type Element = HTMLElement;
  }
}
