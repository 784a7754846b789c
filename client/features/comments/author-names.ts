/**
 * Names of comment authors for this viewer (`shared/comment-authors.ts`): the
 * comments document holds no reviewer's name, so staff fetch the lab's members
 * (which reviewers may not list) to name reviewers; reviewers see other
 * reviewers as "another reviewer", and themselves by their own name.
 */
import { Api } from '../../../shared/api-routes';
import { useCallback, useEffect, useState } from 'react';
import { type AuthorViewer, authorName, type CommentAuthor } from '../../../shared/comment-authors';
import type { ApiClient } from '../../lib/api';

export type NameOf = (author: CommentAuthor) => string;

export function useAuthorNames(api: ApiClient, labId: string, viewer: AuthorViewer): NameOf {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const { userId, name, staff } = viewer;
  useEffect(() => {
    if (!staff) return;
    let current = true;
    api.call(Api.members.list, { params: { labId } }).then(
      ({ members }) => {
        if (current) setNames(new Map(members.map((m) => [m.userId, m.name])));
      },
      // Without the list, reviewers are shown as "a reviewer"; comments still work.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, labId, staff]);
  return useCallback(
    (author: CommentAuthor) => authorName(author, { userId, name, staff }, names),
    [userId, name, staff, names],
  );
}
