import { sql, type Kysely } from 'kysely'

/**
 * The complete model of the seed architecture (../shared/seeds/000). Enumerations are text columns
 * with CHECK constraints rather than PostgreSQL enums, so later migrations can extend them inside a
 * transaction. Every editable table has created_at/updated_at, a version for optimistic concurrency
 * and, where rows are user content, deleted_at for soft deletes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One statement at a time: PGlite's extended protocol takes a single statement per query.
  for (const statement of schema.split(/;\s*\n/).filter((s) => s.trim())) {
    await sql.raw(statement).execute(db)
  }
}

const schema = `
create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table settings (
  key text primary key,
  value jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  email text not null,
  name text not null,
  role text not null check (role in ('ceo', 'manager', 'staff')),
  password_hash text not null,
  avatar_url text,
  language text not null default 'en' check (language in ('en', 'es')),
  timezone text not null default 'UTC',
  notification_settings jsonb not null default '{}',
  last_active_at timestamptz,
  deactivated_at timestamptz,
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create index users_org_idx on users (organization_id);

create table categories (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  color varchar(7) check (color is null or color ~ '^#[0-9a-fA-F]{6}$'),
  icon text,
  priority_level integer not null default 1,
  created_by uuid references users(id),
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index categories_name_key on categories (lower(name)) where deleted_at is null;

create table channels (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  category_id uuid references categories(id),
  created_by uuid references users(id),
  channel_type text not null default 'project' check (channel_type in ('project', 'department', 'initiative', 'temporary')),
  privacy text not null default 'public' check (privacy in ('public', 'private', 'restricted')),
  status text not null default 'active' check (status in ('active', 'archived', 'paused')),
  metadata jsonb not null default '{}',
  archived_at timestamptz,
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index channels_category_idx on channels (category_id);

create table channel_members (
  channel_id uuid not null references channels(id),
  user_id uuid not null references users(id),
  role text not null default 'member' check (role in ('owner', 'admin', 'member')),
  added_by uuid references users(id),
  last_read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (channel_id, user_id)
);
create index channel_members_user_idx on channel_members (user_id);

create table channel_relationships (
  id uuid primary key default gen_random_uuid(),
  channel_id uuid not null references channels(id),
  related_channel_id uuid not null references channels(id),
  relationship_type text not null check (relationship_type in ('parent_child', 'collaborative', 'sequential', 'competitive')),
  metadata jsonb not null default '{}',
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (channel_id, related_channel_id, relationship_type),
  check (channel_id <> related_channel_id)
);

create table tasks (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text,
  channel_id uuid references channels(id),
  parent_task_id uuid references tasks(id),
  created_by uuid references users(id),
  assigned_to uuid[] not null default '{}',
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent', 'critical')),
  status text not null default 'pending' check (status in ('pending', 'in_progress', 'review', 'completed', 'cancelled')),
  complexity integer not null default 1 check (complexity between 1 and 10),
  estimated_hours numeric(8, 2),
  actual_hours numeric(8, 2),
  due_date timestamptz,
  completed_at timestamptz,
  tags text[] not null default '{}',
  metadata jsonb not null default '{}',
  search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B')
  ) stored,
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tasks_assigned_to_idx on tasks using gin (assigned_to);
create index tasks_tags_idx on tasks using gin (tags);
create index tasks_channel_status_idx on tasks (channel_id, status);
create index tasks_parent_idx on tasks (parent_task_id);
create index tasks_due_idx on tasks (due_date) where deleted_at is null;
create index tasks_search_idx on tasks using gin (search);
create index tasks_created_idx on tasks (created_at, id);

create table task_dependencies (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks(id),
  depends_on_task_id uuid not null references tasks(id),
  dependency_type text not null check (dependency_type in ('blocks', 'requires', 'follows', 'parallel')),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (task_id, depends_on_task_id),
  check (task_id <> depends_on_task_id)
);
create index task_dependencies_depends_on_idx on task_dependencies (depends_on_task_id);

create table shared_resources (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  resource_type text not null check (resource_type in ('document', 'link', 'image', 'video', 'template')),
  status text not null default 'ready' check (status in ('pending_upload', 'processing', 'ready', 'failed')),
  content_url text,
  content_data jsonb,
  storage_key text,
  file_size bigint,
  mime_type text,
  uploaded_by uuid references users(id),
  metadata jsonb not null default '{}',
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table resource_links (
  id uuid primary key default gen_random_uuid(),
  resource_id uuid not null references shared_resources(id),
  entity_type text not null check (entity_type in ('channel', 'task', 'category')),
  entity_id uuid not null,
  link_type text not null default 'attachment' check (link_type in ('attachment', 'reference', 'template', 'requirement')),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (resource_id, entity_type, entity_id, link_type)
);
create index resource_links_entity_idx on resource_links (entity_type, entity_id);

create table messages (
  id uuid primary key default gen_random_uuid(),
  channel_id uuid references channels(id),
  task_id uuid references tasks(id),
  user_id uuid references users(id),
  content text not null,
  message_type text not null default 'text' check (message_type in ('text', 'voice', 'file', 'system', 'command_result')),
  metadata jsonb not null default '{}',
  reply_to uuid references messages(id),
  search tsvector generated always as (to_tsvector('english', coalesce(content, ''))) stored,
  edited_at timestamptz,
  deleted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (channel_id is not null or task_id is not null)
);
create index messages_channel_created_idx on messages (channel_id, created_at);
create index messages_task_created_idx on messages (task_id, created_at);
create index messages_search_idx on messages using gin (search);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  title text not null,
  content text,
  type text not null check (type in ('task_assigned', 'deadline_reminder', 'channel_invite', 'task_completed',
    'mention', 'dependency_unblocked', 'reminder', 'system')),
  entity_type text check (entity_type in ('task', 'channel', 'message', 'system')),
  entity_id uuid,
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  read_at timestamptz,
  scheduled_for timestamptz,
  sent_at timestamptz,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index notifications_user_unread_idx on notifications (user_id) where read_at is null;
create index notifications_user_created_idx on notifications (user_id, created_at);
create index notifications_scheduled_idx on notifications (scheduled_for) where sent_at is null;

create table commands (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  session_id text,
  transcript text not null,
  processed_transcript text,
  language text not null default 'en',
  interpreter text not null default 'rules',
  source text not null default 'text' check (source in ('text', 'voice')),
  intent_analysis jsonb,
  plan jsonb,
  results jsonb,
  status text not null check (status in ('pending', 'processing', 'planned', 'needs_clarification', 'completed', 'failed', 'partial', 'undone')),
  question text,
  pending jsonb,
  error jsonb,
  timings jsonb not null default '{}',
  processing_time_ms integer,
  idempotency_key text,
  dry_run boolean not null default false,
  undone_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index commands_user_created_idx on commands (user_id, created_at);
create unique index commands_idempotency_key on commands (user_id, idempotency_key) where idempotency_key is not null;

create table refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  family_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  replaced_by uuid references refresh_tokens(id),
  user_agent text,
  ip text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);

create table audit_log (
  id bigserial primary key,
  actor_id uuid references users(id),
  action text not null,
  entity_type text,
  entity_id text,
  outcome text not null default 'ok' check (outcome in ('ok', 'denied', 'failed')),
  before jsonb,
  after jsonb,
  ip text,
  request_id text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_log_created_idx on audit_log (created_at);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

-- The outbox. Ids come from event_counters, whose row is locked by the writing transaction, so
-- ids are handed out in commit order: a reader that has seen id N can never later see an id < N.
create table event_counters (
  organization_id uuid primary key references organizations(id),
  last_id bigint not null default 0,
  updated_at timestamptz not null default now()
);

create table events (
  organization_id uuid not null references organizations(id),
  id bigint not null,
  type text not null,
  actor_id uuid references users(id),
  payload jsonb not null,
  scope jsonb not null,
  created_at timestamptz not null default now(),
  primary key (organization_id, id)
);
create index events_created_idx on events (created_at);
`

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['events', 'event_counters', 'audit_log', 'refresh_tokens', 'commands', 'notifications',
    'messages', 'resource_links', 'shared_resources', 'task_dependencies', 'tasks', 'channel_relationships',
    'channel_members', 'channels', 'categories', 'users', 'settings', 'organizations']) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db)
  }
}
