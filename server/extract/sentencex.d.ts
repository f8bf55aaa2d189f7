// sentencex ships no type declarations; this is the part of its API we use.
declare module "sentencex" {
  export function segment(languageCode: string, text: string): string[];
}
