/** A step of a proposed plan, before the person reviews it. */
export interface StepDraft {
  title: string;
  estimateMinutes: number | null;
  notes: string;
  dueAt: number | null;
}

export interface PlanInput {
  goal: { id: string; title: string; description: string; targetDate: number | null; lifeArea: string | null };
  now: number;
  timeZone: string;
  /** Thoughts related to the goal (by meaning or words), most related first. */
  related: { id: string; text: string; isPrivate: boolean; actionable: boolean }[];
}

export interface PlanResult {
  steps: StepDraft[];
  notes: string[];
}
