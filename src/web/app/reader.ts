/** The evidence reader: a quote in its article (a bounded excerpt the server cuts around it). */
import { describeError } from '../api/client';
import { closeReader, readerFailed, readerLoaded, readerLoading } from '../core/evidence/reader';
import type { Explorer } from './explorer';

export class ReaderController {
  constructor(private readonly app: Explorer) {}

  /** `via`: the relationship or claim the quote is evidence of, so the server finds it without a search. */
  async open(article: string, start: number, end: number, via?: string): Promise<void> {
    const request = { article, start, end };
    this.app.store.set(readerLoading(request));
    try {
      this.app.store.set(readerLoaded(request, await this.app.api.evidence(article, start, end, via)));
    } catch (e) {
      this.app.store.set(readerFailed(request, describeError(e)));
    }
  }

  close(): void {
    this.app.store.set(closeReader());
  }
}
