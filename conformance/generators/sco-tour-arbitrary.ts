// Generated tours of a multi-SCO package: which SCO comes next and how the learner gets there (a 2004 navigation
// request or the table of contents), what each visit writes, whether it suspends, and whether it leaves an error
// behind. Input for the multi-SCO property (P11).
import fc from "fast-check";

export type Move = "continue" | "previous" | "choice" | "toc";

export interface Visit {
  location: string;
  sessionSeconds: number;
  score: number | null;
  /** Only ever "completed": a status that leaves completed is not a regrade trigger in mod_scorm (see P07). */
  completion: "completed" | null;
  suspend: boolean;
  /** Ends the visit with an unanswerable call, so a runtime that leaks error state shows it next time. */
  leaveError: boolean;
}

export interface ScoTour {
  grademethod: 0 | 1 | 2 | 3;
  /** visits[0] is at the first SCO; every later one names its SCO and how the learner got there. */
  visits: Array<Visit & { sco: number; move: Move }>;
}

const visit: fc.Arbitrary<Visit> = fc.record({
  location: fc.string({ minLength: 1, maxLength: 12 }),
  sessionSeconds: fc.integer({ min: 1, max: 5_000 }),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  completion: fc.constantFrom("completed" as const, null),
  suspend: fc.boolean(),
  leaveError: fc.boolean(),
});

/** Turns a wish (target, by request or by table of contents) into a move the package allows. */
function moveTo(from: number, to: number, byRequest: boolean): Move {
  if (!byRequest) return "toc";
  if (to === from + 1) return "continue";
  if (to === from - 1) return "previous";
  return "choice";
}

export function scoTourArbitrary(scoCount: number): fc.Arbitrary<ScoTour> {
  const step = fc.record({
    offset: fc.integer({ min: 1, max: scoCount - 1 }),
    byRequest: fc.boolean(),
    visit,
  });
  return fc
    .record({
      grademethod: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
      first: visit,
      steps: fc.array(step, { minLength: 1, maxLength: 4 }),
    })
    .map(({ grademethod, first, steps }) => {
      const visits: ScoTour["visits"] = [{ ...first, sco: 0, move: "toc" }];
      for (const s of steps) {
        const from = visits[visits.length - 1]!.sco;
        const to = (from + s.offset) % scoCount;
        visits.push({ ...s.visit, sco: to, move: moveTo(from, to, s.byRequest) });
      }
      return { grademethod, visits };
    });
}
