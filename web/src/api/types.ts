/**
 * Wire types. Where the server has a presenter, its type is imported (one contract); the others
 * follow api.md and the schema until their presenters land.
 */
import type { TaskDto } from '../../../server/src/presenters/presentTask'
import type { UserDto } from '../../../server/src/presenters/presentUser'
import type { ChannelDto, ChannelReadDto } from '../../../server/src/presenters/presentChannel'
import type { CategoryDto } from '../../../server/src/presenters/presentCategory'
import type { presentResource } from '../../../server/src/presenters/presentResource'
export type { BatonEvent, EventType } from '../../../server/src/events/types'

export type Task = TaskDto
export type User = UserDto
export type Self = User & { notificationSettings?: unknown }
export type TaskStatus = Task['status']
export type Priority = Task['priority']
export const STATUSES: TaskStatus[] = ['pending', 'in_progress', 'review', 'completed', 'cancelled']
export const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'urgent', 'critical']

export type Category = CategoryDto

/** A shared resource (a file, link, …) with its links; `metadata.processing` and `metadata.analysis` come from the file pipeline. */
export type Resource = ReturnType<typeof presentResource>
export interface FileProcessing { stage: string; percent: number; error?: string }
export interface FileAnalysis { kind: string; language: string | null; wordCount: number; summary: string; keywords: string[]; excerpt: string; pages?: number; note?: string; summarizer?: 'extractive' | 'llm' }

/** REST answers add the viewer's `myRole` and `unreadCount`. */
export type Channel = ChannelDto & { myRole?: string | null; unreadCount?: number | null }
/** My read position in a channel: POST /channels/{id}/read and the channel.read event. */
export type ChannelRead = ChannelReadDto

export interface Message {
  id: string; channelId: string | null; taskId?: string | null; userId: string | null
  content: string; messageType?: string; replyTo: string | null; mentions?: string[]
  editedAt?: string | null; deletedAt?: string | null; createdAt: string; version?: number
  /** `file` messages carry `{resourceId}`. */
  metadata?: Record<string, unknown>
}

export interface Notification {
  id: string; userId: string; title: string; content: string | null; type: string
  entityType: string | null; entityId: string | null; priority: string; read: boolean; createdAt: string
}

export interface TaskLink { dependencyId: string; dependencyType: string; task: { id: string; title: string; status: TaskStatus; dueDate: string | null } }
export interface TaskDetail extends Task {
  dependsOn: TaskLink[]; dependents: TaskLink[]; subtasks: Task[]
  progress: { total: number; completed: number; percent: number | null }
  blocked: boolean; blockedBy: Array<{ id: string; title: string; status: TaskStatus }>
}
export interface CriticalPath { channelId: string; tasks: Task[]; totalHours: number; length: number }

export interface PlanAction { ref: string; type: string; params: Record<string, unknown>; dependsOn?: string[] }
export interface CommandResult { ref: string; status: string; entity?: { type: string; id: string; name?: string }; items?: unknown[]; [k: string]: unknown }
export interface Command {
  id: string; status: 'planned' | 'completed' | 'failed' | 'needs_clarification' | string
  transcript: string; language?: string; interpreter?: string; source?: string; sessionId?: string | null
  plan: { actions: PlanAction[] }; question?: string; results: CommandResult[]
  error?: { code: string; message: string; ref?: string }; timings?: Record<string, number>
  summary?: string; confirmationRequired?: boolean; dryRun?: boolean; undoneAt?: string | null; createdAt?: string
  confidence?: number; provider?: string
}
export interface CommandResponse { command: Command; transcript?: string; confidence?: number; provider?: string }

export interface Page<T> { items: T[]; nextCursor: string | null }
export interface Session { accessToken: string; refreshToken: string; user: Self }
