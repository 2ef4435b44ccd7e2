/** What every top-level list screen receives: the rows it may use and how to open a trace from it. */
export interface ScreenProps {
  height: number;
  onOpen: (traceId: string) => void;
}
