import type { ResourceLink, SharedResource } from '../db/schema'

/** A shared resource on the wire; `links` are included when the caller loaded them. */
export function presentResource(r: SharedResource, links?: ResourceLink[]) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    resourceType: r.resourceType,
    status: r.status,
    contentUrl: r.contentUrl,
    contentData: r.contentData ?? null,
    fileSize: r.fileSize === null ? null : Number(r.fileSize),
    mimeType: r.mimeType,
    /** Bytes are stored: GET /resources/{id}/content returns them. */
    hasContent: r.storageKey !== null,
    sha256: r.sha256 ?? null,
    uploadedBy: r.uploadedBy,
    metadata: r.metadata,
    ...(links ? { links: links.map(presentResourceLink) } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }
}

export function presentResourceLink(l: ResourceLink) {
  return {
    id: l.id,
    resourceId: l.resourceId,
    entityType: l.entityType,
    entityId: l.entityId,
    linkType: l.linkType,
    createdBy: l.createdBy,
    createdAt: l.createdAt.toISOString(),
  }
}
