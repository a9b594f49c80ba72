/**
 * One batch read of users' roles or user groups, tolerating users who are not in the OU (the API fails the whole
 * batch for them).
 */
import { isNotFound } from "../../client";

/** One user in one OU. */
export interface UserKey {
  orgId: string;
  userId: string;
}

/** userId -> ids, for some users of one OU (a batch endpoint of app-portal). */
export type BatchRead = (orgId: string, userIds: string[]) => Promise<Map<string, string[]>>;

/**
 * One batch read; users the service omits are absent from the result. The API answers 31404 for the WHOLE batch
 * when one user is not in the OU, so a failing batch is split in halves until the missing users are isolated
 * (each answering 31404 alone): about 2·log2(n) extra calls per missing user, instead of one call per user.
 */
export async function readMembers(read: BatchRead, orgId: string, userIds: string[]): Promise<Map<string, string[]>> {
  try {
    return await read(orgId, userIds);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    if (userIds.length <= 1) return new Map();
    const middle = Math.ceil(userIds.length / 2);
    const halves = await Promise.all([
      readMembers(read, orgId, userIds.slice(0, middle)),
      readMembers(read, orgId, userIds.slice(middle)),
    ]);
    return new Map(halves.flatMap((half) => [...half]));
  }
}
