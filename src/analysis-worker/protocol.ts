import type { AnalysisInputLike, AnalysisOptions, AnalysisResult } from '../analysis/types.ts';

/** A request to the analysis worker; typed arrays in `input` are structured-cloned (or transferred). */
export interface AnalysisRequest {
  readonly id: number;
  readonly input: AnalysisInputLike;
  readonly options?: AnalysisOptions;
}

export type AnalysisReply =
  | { readonly id: number; readonly result: AnalysisResult }
  | { readonly id: number; readonly error: string };
