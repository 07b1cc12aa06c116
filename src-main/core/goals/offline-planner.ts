import { excerpt, stem, words } from '../understanding/words';
import type { PlanInput, PlanResult, StepDraft } from './plan-types';

interface Template {
  name: string;
  /** Stems that pick this template. */
  cues: string[];
  steps: [title: string, minutes: number, notes: string][];
}

/** A few goal shapes cover most personal goals; each step is something one can start on. */
const TEMPLATES: Template[] = [
  {
    name: 'learning',
    cues: ['learn', 'study', 'course', 'language', 'master', 'practic', 'skill', 'read', 'understand', 'certif', 'exam', 'speak', 'play'],
    steps: [
      ['Write down what "good enough" looks like for {goal}', 20, 'A concrete test you could pass, not a feeling.'],
      ['Pick one main resource (course, book or teacher)', 45, 'One, not five: switching resources is the usual trap.'],
      ['Block three practice sessions a week in the calendar', 15, 'Short and regular beats long and rare.'],
      ['Finish the first module or chapter', 180, ''],
      ['Use it once for real (a small project, a conversation, a test)', 120, 'Applying it shows what to practise next.'],
      ['Review progress and adjust the plan', 30, 'What worked, what to drop, what comes next.'],
    ],
  },
  {
    name: 'fitness',
    cues: ['run', 'marathon', 'weight', 'fit', 'gym', 'health', 'sleep', 'walk', 'swim', 'cycl', 'train', 'strength', 'yoga', 'exercis', 'diet', 'eat'],
    steps: [
      ['Measure where you start (time, weight, distance or hours)', 30, 'A baseline makes progress visible.'],
      ['Choose a weekly routine you can keep on a bad week', 30, ''],
      ['Do the first two weeks of the routine', 240, 'Log every session, however short.'],
      ['Raise the load a little (10% rule)', 60, ''],
      ['Check in against the baseline', 20, 'Compare with the first measurement; adjust the routine.'],
      ['Plan the milestone day: {goal}', 45, ''],
    ],
  },
  {
    name: 'project',
    cues: ['build', 'launch', 'write', 'ship', 'creat', 'app', 'book', 'website', 'blog', 'publish', 'finish', 'design', 'release', 'develop', 'paint', 'record'],
    steps: [
      ['Define the smallest version of {goal} worth finishing', 45, 'What is in, and what is explicitly out.'],
      ['Split it into three to five milestones', 30, ''],
      ['Make a rough first draft or prototype', 240, 'Rough is the point: it shows what is hard.'],
      ['Show it to one person and collect feedback', 60, ''],
      ['Revise with the feedback', 180, ''],
      ['Release or publish it', 60, 'Done beats perfect; note what the next version needs.'],
    ],
  },
  {
    name: 'money',
    cues: ['save', 'budget', 'debt', 'money', 'invest', 'pay', 'afford', 'spend', 'income', 'retir', 'fund'],
    steps: [
      ['Write down the current numbers (balance, income, fixed costs)', 45, ''],
      ['Set the target amount and the monthly step to reach it', 20, ''],
      ['Set up an automatic transfer on payday', 15, 'Automatic beats willpower.'],
      ['Cut or renegotiate one recurring expense', 45, ''],
      ['Monthly review of the numbers', 20, ''],
    ],
  },
  {
    name: 'event',
    cues: ['trip', 'travel', 'move', 'wedding', 'party', 'holiday', 'vacation', 'visit', 'celebrat', 'organis', 'organiz', 'renovat'],
    steps: [
      ['Fix the date, the budget and who is involved', 30, ''],
      ['Book the fixed parts (travel, venue, place to stay)', 60, 'These run out first.'],
      ['Make a checklist of everything else', 30, ''],
      ['Confirm the bookings and share the details', 20, ''],
      ['Pack or prepare the day before', 60, ''],
    ],
  },
  {
    name: 'habit',
    cues: ['habit', 'daily', 'every', 'stop', 'quit', 'meditat', 'journal', 'routin', 'morning', 'evening', 'consist'],
    steps: [
      ['Pick the cue: when and where the habit happens', 10, 'Attach it to something you already do.'],
      ['Start tiny: a version that takes two minutes', 10, ''],
      ['Track it for two weeks', 30, 'A mark a day; missing once is fine, twice is a pattern.'],
      ['Remove one obstacle that got in the way', 20, ''],
      ['Weekly review: keep, grow or change it', 15, ''],
    ],
  },
];

const GENERIC: Template = {
  name: 'general',
  cues: [],
  steps: [
    ['Write down what done looks like for {goal}', 20, ''],
    ['List the first three actions', 20, ''],
    ['Do the first action', 60, ''],
    ['Schedule the other two', 10, ''],
    ['Weekly review of progress', 20, ''],
  ],
};

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_FROM_THOUGHTS = 3;

/**
 * The offline planner: the goal template whose cues its words match best, with the person's own
 * task-like thoughts about the goal woven in, and due dates spread up to the target date.
 */
export function planOffline(input: PlanInput): PlanResult {
  const stems = new Set(words(`${input.goal.title} ${input.goal.description}`).map(stem));
  let best = GENERIC;
  let bestScore = 0;
  for (const template of TEMPLATES) {
    const score = template.cues.filter((cue) => [...stems].some((word) => word.startsWith(cue))).length;
    if (score > bestScore) [best, bestScore] = [template, score];
  }
  const name = excerpt(input.goal.title, 60);
  const steps: StepDraft[] = best.steps.map(([title, minutes, notes]) => ({
    title: title.replace('{goal}', name),
    estimateMinutes: minutes,
    notes,
    dueAt: null,
  }));
  const fromThoughts = input.related.filter((thought) => thought.actionable).slice(0, MAX_FROM_THOUGHTS);
  // The person's own ideas go after the first step: they already know these need doing.
  steps.splice(
    1,
    0,
    ...fromThoughts.map((thought) => ({ title: excerpt(thought.text, 120), estimateMinutes: 30, notes: 'From one of your thoughts.', dueAt: null })),
  );
  spreadDueDates(steps, input.now, input.goal.targetDate);
  const notes = [`Offline plan from the "${best.name}" template${bestScore === 0 ? ' (no template matched the goal’s words)' : ''}.`];
  if (fromThoughts.length > 0) notes.push(`${fromThoughts.length} step${fromThoughts.length === 1 ? '' : 's'} came from your thoughts.`);
  return { steps, notes };
}

/** Due dates evenly up to the target (the last step on it); none without a target in the future. */
export function spreadDueDates(steps: StepDraft[], now: number, target: number | null): void {
  if (target === null || target <= now + DAY_MS) return;
  steps.forEach((step, index) => {
    if (step.dueAt === null) step.dueAt = Math.round(now + ((target - now) * (index + 1)) / steps.length);
  });
}
