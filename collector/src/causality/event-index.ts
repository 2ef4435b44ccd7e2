/** Index of an event within its trace's event array, by event id (a `Map` satisfies it). */
export interface EventIndex {
  get(eventId: string): number | undefined;
}
