import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Kysely types for the tables of migrations/ (camelCase through CamelCasePlugin). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Json<T = unknown> = ColumnType<T, string | T, string | T>
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>
type JsonDefault<T> = ColumnType<T, string | T | undefined, string | T>
type Numeric = ColumnType<number, number | string, number | string>

export type Role = 'ceo' | 'manager' | 'staff'
export type Language = 'en' | 'es'
export type ChannelType = 'project' | 'department' | 'initiative' | 'temporary'
export type Privacy = 'public' | 'private' | 'restricted'
export type ChannelStatus = 'active' | 'archived' | 'paused'
export type ChannelMemberRole = 'owner' | 'admin' | 'member'
export type RelationshipType = 'parent_child' | 'collaborative' | 'sequential' | 'competitive'
export type TaskPriority = 'low' | 'medium' | 'high' | 'urgent' | 'critical'
export type TaskStatus = 'pending' | 'in_progress' | 'review' | 'completed' | 'cancelled'
export type DependencyType = 'blocks' | 'requires' | 'follows' | 'parallel'
export type ResourceType = 'document' | 'link' | 'image' | 'video' | 'template'
export type ResourceStatus = 'pending_upload' | 'processing' | 'ready' | 'failed'
export type LinkEntityType = 'channel' | 'task' | 'category'
export type LinkType = 'attachment' | 'reference' | 'template' | 'requirement'
export type MessageType = 'text' | 'voice' | 'file' | 'system' | 'command_result'
export type NotificationType = 'task_assigned' | 'deadline_reminder' | 'channel_invite' | 'task_completed'
  | 'mention' | 'dependency_unblocked' | 'reminder' | 'system'
export type NotificationEntityType = 'task' | 'channel' | 'message' | 'system'
export type NotificationPriority = 'low' | 'medium' | 'high' | 'urgent'
export type CommandStatus = 'pending' | 'processing' | 'planned' | 'needs_clarification' | 'completed' | 'failed'
  | 'partial' | 'undone'

interface Editable {
  version: Generated<number>
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface OrganizationsTable extends Editable { id: Generated<string>; name: string }
export interface SettingsTable { key: string; value: Json; createdAt: CreatedAt; updatedAt: UpdatedAt }

export interface NotificationSettings {
  muted?: boolean
  types?: Partial<Record<NotificationType, boolean>>
  quietHours?: { start: string; end: string }
}

export interface UsersTable extends Editable {
  id: Generated<string>
  organizationId: string
  email: string
  name: string
  role: Role
  passwordHash: string
  avatarUrl: string | null
  language: Generated<Language>
  timezone: Generated<string>
  notificationSettings: JsonDefault<NotificationSettings>
  lastActiveAt: Timestamp | null
  deactivatedAt: Timestamp | null
  deletedAt: Timestamp | null
}

export interface CategoriesTable extends Editable {
  id: Generated<string>
  name: string
  description: string | null
  color: string | null
  icon: string | null
  priorityLevel: Generated<number>
  createdBy: string | null
  deletedAt: Timestamp | null
}

export interface ChannelsTable extends Editable {
  id: Generated<string>
  name: string
  description: string | null
  categoryId: string | null
  createdBy: string | null
  channelType: Generated<ChannelType>
  privacy: Generated<Privacy>
  status: Generated<ChannelStatus>
  metadata: JsonDefault<Record<string, unknown>>
  archivedAt: Timestamp | null
  deletedAt: Timestamp | null
}

export interface ChannelMembersTable {
  channelId: string
  userId: string
  role: Generated<ChannelMemberRole>
  addedBy: string | null
  lastReadAt: Timestamp | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface ChannelRelationshipsTable {
  id: Generated<string>
  channelId: string
  relatedChannelId: string
  relationshipType: RelationshipType
  metadata: JsonDefault<Record<string, unknown>>
  createdBy: string | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface TasksTable extends Editable {
  id: Generated<string>
  title: string
  description: string | null
  channelId: string | null
  parentTaskId: string | null
  createdBy: string | null
  assignedTo: Generated<string[]>
  priority: Generated<TaskPriority>
  status: Generated<TaskStatus>
  complexity: Generated<number>
  estimatedHours: Numeric | null
  actualHours: Numeric | null
  dueDate: Timestamp | null
  completedAt: Timestamp | null
  tags: Generated<string[]>
  metadata: JsonDefault<Record<string, unknown>>
  search: ColumnType<string, never, never>
  deletedAt: Timestamp | null
}

export interface TaskDependenciesTable {
  id: Generated<string>
  taskId: string
  dependsOnTaskId: string
  dependencyType: DependencyType
  createdBy: string | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface SharedResourcesTable extends Editable {
  id: Generated<string>
  name: string
  description: string | null
  resourceType: ResourceType
  status: Generated<ResourceStatus>
  contentUrl: string | null
  contentData: Json | null
  storageKey: string | null
  fileSize: Numeric | null
  mimeType: string | null
  uploadedBy: string | null
  metadata: JsonDefault<Record<string, unknown>>
  deletedAt: Timestamp | null
  sha256: string | null
  processingClaimedAt: Timestamp | null
  processingAttempts: Generated<number>
}

/** The text found in a file (the file pipeline), for search; `search` is generated by the database. */
export interface ResourceTextsTable {
  resourceId: string
  content: string
  updatedAt: Generated<Date>
}

export interface ResourceLinksTable {
  id: Generated<string>
  resourceId: string
  entityType: LinkEntityType
  entityId: string
  linkType: Generated<LinkType>
  createdBy: string | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface MessagesTable extends Editable {
  id: Generated<string>
  channelId: string | null
  taskId: string | null
  userId: string | null
  content: string
  messageType: Generated<MessageType>
  metadata: JsonDefault<Record<string, unknown>>
  replyTo: string | null
  search: ColumnType<string, never, never>
  editedAt: Timestamp | null
  deletedAt: Timestamp | null
}

export interface NotificationsTable {
  id: Generated<string>
  userId: string
  title: string
  content: string | null
  type: NotificationType
  entityType: NotificationEntityType | null
  entityId: string | null
  priority: Generated<NotificationPriority>
  readAt: Timestamp | null
  scheduledFor: Timestamp | null
  sentAt: Timestamp | null
  metadata: JsonDefault<Record<string, unknown>>
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface CommandsTable extends Editable {
  id: Generated<string>
  userId: string
  sessionId: string | null
  transcript: string
  processedTranscript: string | null
  language: Generated<string>
  interpreter: Generated<string>
  source: Generated<'text' | 'voice'>
  intentAnalysis: Json | null
  plan: Json | null
  results: Json | null
  status: CommandStatus
  question: string | null
  pending: Json | null
  error: Json | null
  timings: JsonDefault<Record<string, number>>
  processingTimeMs: number | null
  idempotencyKey: string | null
  dryRun: Generated<boolean>
  undoneAt: Timestamp | null
}

export interface RefreshTokensTable {
  id: Generated<string>
  userId: string
  familyId: string
  tokenHash: string
  expiresAt: Timestamp
  revokedAt: Timestamp | null
  replacedBy: string | null
  userAgent: string | null
  ip: string | null
  createdAt: CreatedAt
  updatedAt: UpdatedAt
}

export interface AuditLogTable {
  id: Generated<number>
  actorId: string | null
  action: string
  entityType: string | null
  entityId: string | null
  outcome: Generated<'ok' | 'denied' | 'failed'>
  before: Json | null
  after: Json | null
  ip: string | null
  requestId: string | null
  metadata: JsonDefault<Record<string, unknown>>
  createdAt: CreatedAt
}

export interface EventCountersTable { organizationId: string; lastId: Generated<number>; updatedAt: UpdatedAt }

export interface EventsTable {
  organizationId: string
  id: number
  type: string
  actorId: string | null
  payload: Json
  scope: Json
  createdAt: CreatedAt
}

export interface DB {
  organizations: OrganizationsTable
  settings: SettingsTable
  users: UsersTable
  categories: CategoriesTable
  channels: ChannelsTable
  channelMembers: ChannelMembersTable
  channelRelationships: ChannelRelationshipsTable
  tasks: TasksTable
  taskDependencies: TaskDependenciesTable
  sharedResources: SharedResourcesTable
  resourceLinks: ResourceLinksTable
  resourceTexts: ResourceTextsTable
  messages: MessagesTable
  notifications: NotificationsTable
  commands: CommandsTable
  refreshTokens: RefreshTokensTable
  auditLog: AuditLogTable
  eventCounters: EventCountersTable
  events: EventsTable
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type Category = Selectable<CategoriesTable>
export type Channel = Selectable<ChannelsTable>
export type ChannelMember = Selectable<ChannelMembersTable>
export type ChannelRelationship = Selectable<ChannelRelationshipsTable>
export type Task = Selectable<TasksTable>
export type TaskDependency = Selectable<TaskDependenciesTable>
export type SharedResource = Selectable<SharedResourcesTable>
export type ResourceLink = Selectable<ResourceLinksTable>
export type Message = Selectable<MessagesTable>
export type Notification = Selectable<NotificationsTable>
export type Command = Selectable<CommandsTable>
export type EventRow = Selectable<EventsTable>
