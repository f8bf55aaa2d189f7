import { describe, expect, it } from "vitest";
import { findTimes } from "../../server/extract/time.ts";

const de = (text: string, publishedAt: string | null = "2023-10-14") => findTimes(text, 0, "de", publishedAt);
const en = (text: string, publishedAt: string | null = "2023-10-14") => findTimes(text, 0, "en", publishedAt);

describe("time expressions", () => {
  it("reads a German range as one RANGE with the inferred year", () => {
    const [range, ...rest] = de(
      "Mehr als 1000 sollen es zwischen dem 7. September und dem 1. Oktober gewesen sein.",
    );
    expect(rest).toEqual([]);
    expect(range).toMatchObject({ start: "2023-09-07", end: "2023-10-01", precision: "RANGE" });
    expect(range?.span.text).toBe("zwischen dem 7. September und dem 1. Oktober");
  });

  it("puts a range across new year into two years", () => {
    expect(de("vom 20. Dezember bis 5. Januar", "2024-01-20")[0]).toMatchObject({
      start: "2023-12-20",
      end: "2024-01-05",
    });
    expect(en("between December 28 and January 3", "2024-01-20")[0]).toMatchObject({
      start: "2023-12-28",
      end: "2024-01-03",
    });
  });

  it("reads bare months with MONTH precision", () => {
    expect(de("Im September war es zu einem Treffen gekommen.")[0]).toMatchObject({
      start: "2023-09-01",
      end: "2023-09-30",
      precision: "MONTH",
    });
    expect(de("Im November hatte er gewarnt.", "2024-02-10")[0]).toMatchObject({
      start: "2023-11-01",
      end: "2023-11-30",
    });
    expect(en("in February 2024")[0]).toMatchObject({
      start: "2024-02-01",
      end: "2024-02-29",
      precision: "MONTH",
    });
  });

  it("resolves weekdays against the publication date, across the year boundary", () => {
    expect(de("Die Regierung veröffentlichte am Freitag Bilder.")[0]).toMatchObject({
      start: "2023-10-13",
      precision: "DAY",
    });
    expect(de("Am Freitag kam er an.", "2024-01-02")[0]).toMatchObject({ start: "2023-12-29" });
    expect(de("Er wird am Montag nach Kiew reisen.", "2023-12-29")[0]).toMatchObject({ start: "2024-01-01" });
    expect(en("Officials met on Friday.", "2024-01-02")[0]).toMatchObject({ start: "2023-12-29" });
  });

  it("keeps relative dates unresolved without a publication date", () => {
    expect(de("Am Freitag kam er an.", null)[0]).toMatchObject({ start: null, end: null, precision: "DAY" });
    expect(de("Im September war es.", null)[0]).toMatchObject({ start: null, end: null, precision: "MONTH" });
    expect(de("Am 3. März 2021 geschah es.", null)[0]).toMatchObject({ start: "2021-03-03" });
  });

  it("reads vague expressions with a direction", () => {
    expect(de("Putin wird bald nach Nordkorea reisen.")[0]).toMatchObject({
      start: null,
      end: null,
      precision: "VAGUE",
      direction: "FUTURE",
    });
    expect(en("They will meet soon.")[0]).toMatchObject({ precision: "VAGUE", direction: "FUTURE" });
    expect(de("Schon damals äußerten die USA Bedenken.")[0]).toMatchObject({
      precision: "VAGUE",
      direction: "PAST",
    });
  });

  it("does not read 'so heißt es' as Sunday", () => {
    expect(de("Eine Einladung habe er gerne angenommen, so heißt es.")).toEqual([]);
  });

  it("reads explicit dates and years", () => {
    expect(de("Am 13.10.2023 veröffentlichte das Ministerium den Bericht.", null)[0]).toMatchObject({
      start: "2023-10-13",
      precision: "DAY",
    });
    expect(de("Im Jahr 2020 begann die Pandemie.")[0]).toMatchObject({
      start: "2020-01-01",
      end: "2020-12-31",
      precision: "YEAR",
    });
    expect(en("On October 7, 2023 the attack began.")[0]).toMatchObject({
      start: "2023-10-07",
      precision: "DAY",
    });
  });
});
