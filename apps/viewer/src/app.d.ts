// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Theme } from '$lib/theme';

declare global {
  namespace App {
    interface Locals {
      theme: Theme;
    }
  }
}
export {};
