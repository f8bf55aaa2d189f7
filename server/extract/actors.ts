/**
 * Groups mentions into actors: lexicon entities by identity, unknown names by their words, lone
 * surnames and genitives ("Kims") to the full name, role phrases ("der russische Präsident") to the
 * person holding that role, pronouns (added by the quote stage) to the last fitting person.
 * Weak actors (a lone unknown word, an unresolved role phrase) are kept only when something uses them.
 */
import { lexicon } from "./lexicons/index.ts";
import type { Mention } from "./mentions.ts";
import type { Sentence } from "./sentences.ts";
import { SpanIndex } from "./span-index.ts";
import type { Actor, ActorKind, ActorMention, Language, MentionForm } from "./types.ts";

export type Cluster = {
  key: string;
  kind: ActorKind;
  name: string;
  mentions: Mention[];
  extra: ActorMention[];
  entity: Mention["entity"];
  description: string | null;
  role: string | null;
  country: string | null;
  gender: "m" | "f" | "x" | null;
  weak: boolean;
  used: boolean;
};

const FEMININE_ROLE = /(?:in|innen)$/u;
/** Role nouns that fit whoever leads the country ("der iranische Machthaber", "Japanese leader"). */
const LEADER_ROLES = new Set([
  "leader",
  "staatschef",
  "machthaber",
  "führer",
  "herrscher",
  "oberhaupt",
  "regierungschef",
  "ruler",
]);
const HEAD_ROLES =
  /präsident|kanzler|premier|ministerpräsident|president|prime minister|chancellor|könig|king|machthaber|staatschef|regierungschef|leader/u;

/** Names of one office, the head of a government: "der Premier" is the "Ministerpräsident" named before. */
const GOVERNMENT_HEAD =
  /^(?:premier|premierminister|ministerpräsident|regierungschef|prime minister|premier minister)$/u;

function nameWords(name: string): string[] {
  return name.split(/[\s-]+/u).filter(Boolean);
}

export class ActorSet {
  readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, Cluster>();
  /** Cluster of each mention (mentions that resolved to nothing are absent). */
  readonly clusterOf = new Map<Mention, Cluster>();
  /**
   * The rank of each cluster in `clusters` (a merged-away cluster has none): where two clusters fit
   * equally, the older one wins, as in a scan of `clusters`. The lookups below exist so that no
   * stage scans every cluster or mention for each mention, which cost the square of the text's length.
   */
  private readonly rank = new Map<Cluster, number>();
  private made = 0;
  /** Clusters by the words of their names and aliases; names only grow, so some words are stale. */
  private readonly byNameWord = new Map<string, Cluster[]>();
  /** Every mention ever attached, sorted by start (whose cluster it is now, `clusterOf` tells). */
  private readonly attachedByStart: Mention[] = [];
  private readonly everAttached = new Set<Mention>();
  /** Starts of each cluster's `extra` mentions (added only by addMention). */
  private readonly extraStarts = new Map<Cluster, Set<number>>();
  private readonly mentionsByPosition: SpanIndex<Mention>;

  constructor(
    readonly mentions: Mention[],
    private readonly sentences: Sentence[],
    private readonly language: Language,
  ) {
    this.mentionsByPosition = new SpanIndex(mentions);
    const strong = mentions.filter((mention) => !mention.needsAntecedent);
    for (const mention of strong) this.attach(mention, this.clusterFor(mention, false));
    this.mergeLoneNames();
    for (const mention of mentions) {
      if (!mention.needsAntecedent) continue;
      const cluster = mention.use === "ROLE" ? this.resolveRole(mention) : this.resolveName(mention);
      if (cluster) this.attach(mention, cluster);
    }
  }

  /**
   * "Kang Sok Ju … Orlow hatte Kang empfangen … Einladung Kangs": a one-word person no lexicon knows
   * is the one multi-word person of this text whose name holds that word (also as a genitive).
   */
  private mergeLoneNames(): void {
    for (const lone of [...this.clusters]) {
      if (lone.kind !== "PERSON" || lone.entity || /\s/u.test(lone.name)) continue;
      const forms = [lone.name, lone.name.replace(/([^s])s$/u, "$1")];
      const owners = this.namedBy(forms).filter(
        (cluster) =>
          cluster !== lone &&
          cluster.kind === "PERSON" &&
          /\s/u.test(cluster.name) &&
          nameWords(cluster.name).some((word) => forms.includes(word)),
      );
      const [owner] = owners;
      if (owners.length !== 1 || !owner) continue;
      for (const mention of lone.mentions) this.attach(mention, owner);
      owner.mentions.sort((a, b) => a.start - b.start);
      owner.weak &&= lone.weak;
      this.rank.delete(lone);
      this.byKey.set(lone.key, owner);
    }
    const kept = this.clusters.filter((cluster) => this.rank.has(cluster));
    this.clusters.length = 0;
    for (const cluster of kept) this.clusters.push(cluster);
  }

  /** Clusters (oldest first) that have, or once had, one of `words` in a name: a superset to test. */
  private namedBy(words: readonly string[]): Cluster[] {
    const found = new Set<Cluster>();
    for (const word of words) for (const cluster of this.byNameWord.get(word) ?? []) found.add(cluster);
    return [...found]
      .filter((cluster) => this.rank.has(cluster))
      .sort((a, b) => (this.rank.get(a) ?? 0) - (this.rank.get(b) ?? 0));
  }

  private indexName(cluster: Cluster, name: string): void {
    for (const word of nameWords(name)) {
      const list = this.byNameWord.get(word);
      if (!list) this.byNameWord.set(word, [cluster]);
      else if (list.at(-1) !== cluster) list.push(cluster);
    }
  }

  private clusterFor(mention: Mention, weak: boolean): Cluster {
    const existing = this.byKey.get(mention.key);
    if (existing) {
      if (!weak) existing.weak = false;
      return existing;
    }
    const entity = mention.entity;
    const given = lexicon().givenNames.get(nameWords(mention.name)[0] ?? "");
    const cluster: Cluster = {
      key: mention.key,
      kind: mention.kind,
      name: mention.name,
      mentions: [],
      extra: [],
      entity,
      description: null,
      role: mention.role,
      country: mention.country ?? entity?.country ?? null,
      gender: entity?.gender ?? (given && given !== "x" ? given : null),
      weak,
      used: false,
    };
    this.byKey.set(cluster.key, cluster);
    this.rank.set(cluster, this.made++);
    this.clusters.push(cluster);
    this.indexName(cluster, cluster.name);
    for (const alias of entity?.aliases ?? []) this.indexName(cluster, alias);
    return cluster;
  }

  private attach(mention: Mention, cluster: Cluster): void {
    cluster.mentions.push(mention);
    this.clusterOf.set(mention, cluster);
    if (!this.everAttached.has(mention)) {
      this.everAttached.add(mention);
      this.attachedByStart.splice(this.firstAttachedFrom(mention.start + 1), 0, mention);
    }
    if (mention.description && !cluster.description) cluster.description = mention.description;
    if (mention.role && !cluster.role) cluster.role = mention.role;
    if (mention.country && !cluster.country) cluster.country = mention.country;
    if (mention.role && !cluster.gender)
      cluster.gender = FEMININE_ROLE.test(mention.description ?? "") ? "f" : "m";
    if (
      mention.use === "NAME" &&
      mention.kind === cluster.kind &&
      mention.name.length > cluster.name.length &&
      !cluster.entity
    ) {
      cluster.name = mention.name;
      this.indexName(cluster, cluster.name);
    }
  }

  /** Index in `attachedByStart` of the first mention starting at or after `offset`. */
  private firstAttachedFrom(offset: number): number {
    let low = 0;
    let high = this.attachedByStart.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.attachedByStart[mid]?.start ?? 0) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** A lone capitalised word: a part of a known person's name, or a new (weak) name. */
  private resolveName(mention: Mention): Cluster | null {
    const word = mention.name;
    const candidates = [word];
    if (/[^s]s$/u.test(word)) candidates.push(word.slice(0, -1));
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const cluster of this.namedBy(candidates)) {
      if (cluster.kind !== "PERSON" && cluster.kind !== "ORGANIZATION" && cluster.kind !== "PLACE") continue;
      const names = [cluster.name, ...(cluster.entity?.aliases ?? [])];
      for (const candidate of candidates) {
        for (const name of names) {
          const words = nameWords(name);
          const index = words.indexOf(candidate);
          if (index < 0) continue;
          const score = (index === words.length - 1 ? 3 : 2) + (candidate === word ? 1 : 0);
          if (score > bestScore) {
            bestScore = score;
            best = cluster;
          }
        }
      }
    }
    if (best) return best;
    const sentence = this.sentences[mention.sentence];
    const initial = mention.first === 0;
    if (initial && !this.nearSpeechVerb(mention, sentence)) {
      // Only a known name at a sentence start: use the genitive-free key when it exists.
      return this.byKey.get(`name:${candidates.at(-1)?.toLowerCase()}`) ?? null;
    }
    const key = `name:${(candidates.length > 1 && this.byKey.has(`name:${candidates[1]?.toLowerCase()}`) ? candidates[1] : word)?.toLowerCase()}`;
    const cluster = this.clusterFor({ ...mention, key }, true);
    if (this.nearSpeechVerb(mention, sentence)) cluster.weak = false;
    return cluster;
  }

  private nearSpeechVerb(mention: Mention, sentence: Sentence | undefined): boolean {
    if (!sentence) return false;
    const verbs = lexicon().speechVerbs[this.language];
    const before = sentence.tokens[mention.first - 1];
    const after = sentence.tokens[mention.last];
    return (
      (before !== undefined && verbs.has(before.lower)) || (after !== undefined && verbs.has(after.lower))
    );
  }

  /**
   * "Kang Sok Ju … Im September traf der nordkoreanische Machthaber …": a country's leader described
   * without a name is the person named shortly before whom nothing else describes: no lexicon
   * identity, no role, no other country. Only for leader roles, where the text names one such person.
   */
  private introducedLeader(mention: Mention): Cluster | null {
    const role = mention.role ?? "";
    if (!mention.country || !(LEADER_ROLES.has(role) || HEAD_ROLES.test(role))) return null;
    const candidates = this.clusters.filter(
      (cluster) =>
        cluster.kind === "PERSON" &&
        !cluster.weak &&
        !cluster.entity &&
        // No role yet, or one that also leads a government ("Ministerpräsident" for "der Premier").
        (!cluster.role || HEAD_ROLES.test(cluster.role)) &&
        (!cluster.country || cluster.country === mention.country) &&
        cluster.mentions.some(
          (m) => m.form === "NAME" && m.start < mention.start && mention.start - m.start < 1500,
        ),
    );
    const [only] = candidates;
    if (candidates.length !== 1 || !only) return null;
    only.role = role;
    only.country = mention.country;
    return only;
  }

  /** "der russische Präsident" → the person in this text holding that role (nearest before, else after). */
  private resolveRole(mention: Mention): Cluster | null {
    let best: Cluster | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const cluster of this.clusters) {
      // Most clusters have no role at all: skip them before building their role set.
      if (cluster.kind !== "PERSON" || cluster.weak || (!cluster.role && !cluster.entity?.roles?.length))
        continue;
      const roles = new Set([...(cluster.entity?.roles ?? []), ...(cluster.role ? [cluster.role] : [])]);
      const role = mention.role ?? "";
      const roleMatches =
        [...roles].some(
          (r) =>
            r === role ||
            r.endsWith(role) ||
            role.endsWith(r) ||
            (GOVERNMENT_HEAD.test(r) && GOVERNMENT_HEAD.test(role)),
        ) ||
        (LEADER_ROLES.has(role) && mention.country !== null && [...roles].some((r) => HEAD_ROLES.test(r)));
      if (!roleMatches) continue;
      if (mention.country && cluster.country && mention.country !== cluster.country) continue;
      if (mention.country && !cluster.country) continue;
      for (const other of cluster.mentions) {
        const distance =
          other.start <= mention.start ? mention.start - other.start : (other.start - mention.start) * 4;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = cluster;
        }
      }
    }
    if (best) return best;
    const introduced = this.introducedLeader(mention);
    if (introduced) return introduced;
    // A role noun alone ("Kritiker werfen ihm vor …") names people in general, not one person.
    const kind = mention.bareRole ? "GROUP" : mention.kind;
    return this.clusterFor({ ...mention, kind, key: `${mention.key}:${mention.start}` }, true);
  }

  /**
   * A speaker named only by a noun phrase ("die Polizei", "ein Sprecher des Ministeriums"): an actor
   * of its own, kept because a quote uses it.
   */
  adHoc(
    start: number,
    end: number,
    text: string,
    kind: ActorKind,
    sentence: number,
    name = text.replace(/^(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|the|a|an)\s+/iu, ""),
  ): Cluster {
    const key = `np:${name.toLowerCase().replace(/^(?:ein|eine|einer|eines|einem|einen|a|an)\s+/u, "")}`;
    const mention: Mention = {
      start,
      end,
      text,
      form: "NOMINAL",
      use: "GROUP",
      kind,
      key,
      name,
      entity: null,
      sentence,
      first: 0,
      last: 0,
      role: null,
      description: null,
      country: null,
      needsAntecedent: false,
    };
    const cluster = this.clusterFor(mention, true);
    this.attach(mention, cluster);
    cluster.used = true;
    return cluster;
  }

  /**
   * The cluster that `fits` with the last mention starting before `offset` (of two at one offset, the
   * older cluster): a walk back from the offset instead of a scan of every cluster's mentions.
   */
  lastCluster(offset: number, fits: (cluster: Cluster) => boolean): Cluster | null {
    let k = this.firstAttachedFrom(offset) - 1;
    while (k >= 0) {
      const start = this.attachedByStart[k]?.start;
      let best: Cluster | null = null;
      for (; k >= 0 && this.attachedByStart[k]?.start === start; k--) {
        const mention = this.attachedByStart[k] as Mention;
        const cluster = this.clusterOf.get(mention);
        if (!cluster || !fits(cluster)) continue;
        if (!best || (this.rank.get(cluster) ?? 0) < (this.rank.get(best) ?? 0)) best = cluster;
      }
      if (best) return best;
    }
    return null;
  }

  /** Mentions (attached to an actor) that lie inside [start, end). */
  mentionsIn(start: number, end: number): Mention[] {
    return this.mentionsByPosition
      .meeting(start, end)
      .filter((mention) => mention.start >= start && mention.end <= end && this.clusterOf.has(mention));
  }

  addMention(cluster: Cluster, start: number, end: number, text: string, form: MentionForm): void {
    const extraStarts = this.extraStarts.get(cluster) ?? new Set<number>();
    if (extraStarts.has(start) || this.hasMentionAt(cluster, start)) return;
    cluster.extra.push({ start, end, text, form });
    extraStarts.add(start);
    this.extraStarts.set(cluster, extraStarts);
  }

  private hasMentionAt(cluster: Cluster, start: number): boolean {
    for (let k = this.firstAttachedFrom(start); this.attachedByStart[k]?.start === start; k++)
      if (this.clusterOf.get(this.attachedByStart[k] as Mention) === cluster) return true;
    return false;
  }

  /** Takes a mention from its cluster: "der Lette" read as a person is no longer a mention of Latvia. */
  detach(mention: Mention): void {
    const cluster = this.clusterOf.get(mention);
    if (!cluster) return;
    cluster.mentions = cluster.mentions.filter((m) => m !== mention);
    this.clusterOf.delete(mention);
  }

  /** Actors in order of first mention, with ids a1, a2, …; weak clusters only when used. */
  finalize(): { actors: Actor[]; idOf: Map<Cluster, string> } {
    const kept = this.clusters.filter(
      (cluster) =>
        !cluster.weak ||
        cluster.used ||
        new Set(cluster.mentions.map((mention) => mention.sentence)).size > 1,
    );
    const firstStart = new Map<Cluster, number>();
    for (const cluster of kept) {
      let first = Number.POSITIVE_INFINITY;
      for (const mention of [...cluster.mentions, ...cluster.extra]) first = Math.min(first, mention.start);
      firstStart.set(cluster, first);
    }
    kept.sort((a, b) => (firstStart.get(a) ?? 0) - (firstStart.get(b) ?? 0));
    const idOf = new Map<Cluster, string>();
    const actors: Actor[] = kept.map((cluster, index) => {
      const id = `a${index + 1}`;
      idOf.set(cluster, id);
      const entity = cluster.entity;
      const name = entity ? (this.language === "de" ? entity.nameDe : entity.nameEn) : cluster.name;
      const aliases = new Set<string>();
      for (const mention of cluster.mentions) {
        if (mention.form !== "NAME") continue;
        const surface = mention.text.replace(/['’]s$/u, "");
        if (surface !== name) aliases.add(surface);
      }
      if (entity) {
        const other = this.language === "de" ? entity.nameEn : entity.nameDe;
        if (other !== name) aliases.add(other);
      }
      const seen = new Set<number>();
      const mentions: ActorMention[] = [
        ...cluster.mentions.map(({ start, end, text, form }) => ({ start, end, text, form })),
        ...cluster.extra,
      ]
        .sort((a, b) => a.start - b.start)
        .filter((mention) => {
          if (seen.has(mention.start)) return false;
          seen.add(mention.start);
          return true;
        });
      return {
        id,
        name,
        kind: cluster.kind,
        aliases: [...aliases],
        description: cluster.description,
        wikidataId: entity?.wikidataId ?? null,
        mentions,
      };
    });
    return { actors, idOf };
  }
}
