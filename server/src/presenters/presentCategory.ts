import type { Category } from '../db/schema'

/** A category on the wire (REST and events alike). */
export function presentCategory(category: Category) {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    color: category.color,
    icon: category.icon,
    priorityLevel: category.priorityLevel,
    createdBy: category.createdBy,
    createdAt: category.createdAt.toISOString(),
    updatedAt: category.updatedAt.toISOString(),
    version: category.version,
  }
}

export type CategoryDto = ReturnType<typeof presentCategory>
