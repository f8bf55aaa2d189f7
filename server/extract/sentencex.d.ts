// sentencex ships no type declarations; this is the part of its API we use.
// Version 0.4 is pure JavaScript: the 1.x line loads a native binary published for Linux x64
// only, which breaks `npm ci` from our lockfile and any install on macOS or Windows.
declare module "sentencex" {
  export default function segment(languageCode: string, text: string): string[];
}
