import type { Task, TaskDependency } from '../db/schema'

const OPEN = new Set(['pending', 'in_progress', 'review'])

/** A task on the wire (REST and events alike). */
export function presentTask(task: Task, now = new Date()) {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    channelId: task.channelId,
    parentTaskId: task.parentTaskId,
    createdBy: task.createdBy,
    assigneeIds: task.assignedTo,
    priority: task.priority,
    status: task.status,
    complexity: task.complexity,
    estimatedHours: task.estimatedHours,
    actualHours: task.actualHours,
    dueDate: task.dueDate?.toISOString() ?? null,
    completedAt: task.completedAt?.toISOString() ?? null,
    overdue: Boolean(task.dueDate && task.dueDate.getTime() < now.getTime() && OPEN.has(task.status)),
    tags: task.tags,
    metadata: task.metadata,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    version: task.version,
  }
}

export function presentDependency(dep: TaskDependency) {
  return {
    id: dep.id,
    taskId: dep.taskId,
    dependsOnTaskId: dep.dependsOnTaskId,
    dependencyType: dep.dependencyType,
    createdBy: dep.createdBy,
    createdAt: dep.createdAt.toISOString(),
  }
}

export type TaskDto = ReturnType<typeof presentTask>
