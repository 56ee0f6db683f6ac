import type { DemoContentSeeder } from './demo'

/** Demo categories, channels and tasks, created through the work-graph actions. */
export const demoContent: DemoContentSeeder = async () => {
  // Filled in by the work-graph actions (categories, channels, tasks).
}
