// P26 cases: a SCO version and a learner's commits in one session, each with a new status and score.
import fc from "fast-check";

export interface DashboardCommit {
  status: string;
  score: number;
}

export interface DashboardCase {
  version: "1.2" | "2004";
  commits: DashboardCommit[];
}

const STATUSES = {
  "1.2": ["incomplete", "completed", "passed", "failed", "browsed"],
  "2004": ["incomplete", "completed"],
} as const;

export function dashboardArbitrary(): fc.Arbitrary<DashboardCase> {
  return fc.constantFrom("1.2" as const, "2004" as const).chain((version) =>
    fc.record({
      version: fc.constant(version),
      commits: fc.array(
        fc.record({ status: fc.constantFrom(...STATUSES[version]), score: fc.integer({ min: 0, max: 100 }) }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  );
}

export function dashboardExamples(): DashboardCase[] {
  return [
    {
      version: "2004",
      commits: [
        { status: "incomplete", score: 10 },
        { status: "completed", score: 90 },
      ],
    },
  ];
}
