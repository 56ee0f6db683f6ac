import type { ActorDirectory } from '../../auth/actors'
import type { Services } from '../../services'
import type { RunAction } from '../actionRunner'

/** What every route module receives. */
export interface RouteDeps { services: Services; actors: ActorDirectory; run: RunAction }
