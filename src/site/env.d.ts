/// <reference types="astro/client" />

declare namespace App {
  /** Set by the module page for the know-how components it renders (they get only their own props). */
  interface Locals {
    moduleLanguage?: string;
    glossary?: Map<string, import('../schemas/index.ts').GlossaryEntry>;
    glossaryUrl?: string;
    hasRecording?: boolean;
    componentCounter?: number;
    /** Glossary words already shown with their glosses (only a word's first use carries them). */
    glossedTerms?: Set<string>;
  }
}
