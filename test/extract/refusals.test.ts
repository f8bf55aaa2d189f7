import { describe, expect, it } from "vitest";
import { ExtractionError, extract } from "../../server/extract/index.ts";

function refusal(run: () => unknown): ExtractionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("refusals", () => {
  it("refuses empty and whitespace-only text", () => {
    expect(refusal(() => extract("")).code).toBe("EMPTY_TEXT");
    expect(refusal(() => extract(" \n\t\r\n ")).code).toBe("EMPTY_TEXT");
  });

  it("refuses text over 1 MB of UTF-8", () => {
    const error = refusal(() => extract("ä".repeat(500_001)));
    expect(error.code).toBe("TEXT_TOO_LARGE");
    expect(error.message).toMatch(/1000000 bytes/u);
  });

  it("refuses languages other than German and English", () => {
    const error = refusal(() =>
      extract(
        "Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs du pays.",
      ),
    );
    expect(error.code).toBe("UNSUPPORTED_LANGUAGE");
    expect(refusal(() => extract("Hallo Welt.", { language: "fr" })).code).toBe("UNSUPPORTED_LANGUAGE");
  });

  it("refuses a publication date that is not YYYY-MM-DD", () => {
    for (const publishedAt of ["14.10.2023", "2023-02-30", "2023-10-14T10:00:00Z", "yesterday"]) {
      const error = refusal(() => extract("Olaf Scholz sprach in Berlin.", { publishedAt }));
      expect(error.code).toBe("INVALID_DATE");
      expect(error.field).toBe("publishedAt");
    }
  });

  it("accepts language tags and detects the language when none is given", () => {
    expect(
      extract("Olaf Scholz sprach am Montag in Berlin über die Lage.", { language: "de-DE" }).language,
    ).toBe("de");
    expect(extract("The chancellor spoke in Berlin on Monday about the situation.").language).toBe("en");
    expect(extract("Der Kanzler sprach am Montag in Berlin über die Lage im Land.").language).toBe("de");
  });
});
