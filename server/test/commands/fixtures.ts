import type { Directory, InterpretInput } from '../../src/commands/interpret'

export const NOW = new Date('2026-03-02T09:00:00Z')
export const TZ = 'America/New_York'
export const SPEAKER = { id: 'u-ceo', name: 'Alex Rivera' }

export const U = {
  alex: { id: 'u-ceo', name: 'Alex Rivera' },
  sarah: { id: 'u-sarah', name: 'Sarah Chen' },
  mike: { id: 'u-mike', name: 'Mike Ross' },
  david: { id: 'u-david', name: 'David Park' },
  lucia: { id: 'u-lucia', name: 'Lucía Gómez' },
  mikeChen: { id: 'u-mike2', name: 'Mike Chen' },
}
export const C = {
  marketing: { id: 'c-marketing', name: 'Marketing' },
  engineering: { id: 'c-eng', name: 'Engineering' },
  sales: { id: 'c-sales', name: 'Sales' },
  launch: { id: 'c-launch', name: 'Product Launch' },
  ventas: { id: 'c-ventas', name: 'Ventas' },
  verano: { id: 'c-verano', name: 'Campaña de verano' },
}
export const T = {
  budget: { id: 't-budget', name: 'Budget review' },
  homepage: { id: 't-home', name: 'Homepage redesign' },
  pricing: { id: 't-pricing', name: 'Pricing page' },
  hiring: { id: 't-hiring', name: 'Hiring plan' },
  report: { id: 't-report', name: 'Quarterly report' },
  presupuesto: { id: 't-presupuesto', name: 'Revisión del presupuesto' },
  precios: { id: 't-precios', name: 'Página de precios' },
  contratacion: { id: 't-contratacion', name: 'Plan de contratación' },
}
export const R = {
  brand: { id: 'r-brand', name: 'Brand Guidelines' },
  deck: { id: 'r-deck', name: 'Investor Deck' },
  informe: { id: 'r-informe', name: 'Informe anual' },
}

/** The directory most corpus entries use (one Mike). */
export const DIRECTORY: Directory = {
  users: [
    { ...U.alex, email: 'alex@baton.test' },
    { ...U.sarah, email: 'sarah@baton.test' },
    { ...U.mike, email: 'mike@baton.test' },
    { ...U.david, email: 'david@baton.test' },
    { ...U.lucia, email: 'lucia@baton.test' },
  ],
  channels: [
    { ...C.marketing, categoryName: 'Marketing' },
    { ...C.engineering, categoryName: 'Engineering' },
    { ...C.sales, categoryName: null },
    { ...C.launch, categoryName: 'Marketing' },
    { ...C.ventas, categoryName: null },
    { ...C.verano, categoryName: 'Marketing' },
  ],
  tasks: [
    { id: T.budget.id, title: T.budget.name, channelId: C.marketing.id },
    { id: T.homepage.id, title: T.homepage.name, channelId: C.marketing.id },
    { id: T.pricing.id, title: T.pricing.name, channelId: C.sales.id },
    { id: T.hiring.id, title: T.hiring.name, channelId: C.engineering.id },
    { id: T.report.id, title: T.report.name, channelId: null },
    { id: T.presupuesto.id, title: T.presupuesto.name, channelId: C.ventas.id },
    { id: T.precios.id, title: T.precios.name, channelId: C.ventas.id },
    { id: T.contratacion.id, title: T.contratacion.name, channelId: C.verano.id },
  ],
  resources: [
    { ...R.brand, resourceType: 'document' },
    { ...R.deck, resourceType: 'document' },
    { ...R.informe, resourceType: 'document' },
  ],
  categories: [
    { id: 'cat-marketing', name: 'Marketing' },
    { id: 'cat-eng', name: 'Engineering' },
  ],
}

/** Two Mikes, for ambiguity. */
export const TWO_MIKES: Directory = {
  ...DIRECTORY,
  users: [...DIRECTORY.users, { ...U.mikeChen, email: 'mike.chen@baton.test' }],
}

/** No Brand Guidelines resource: the seed example uploads instead of sharing. */
export const NO_BRAND: Directory = { ...DIRECTORY, resources: DIRECTORY.resources.filter((r) => r.id !== R.brand.id) }

export function input(text: string, over: Partial<InterpretInput> = {}): InterpretInput {
  return { text, now: NOW, timezone: TZ, speaker: SPEAKER, directory: DIRECTORY, ...over }
}
