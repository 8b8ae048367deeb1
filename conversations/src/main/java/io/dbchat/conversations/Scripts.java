package io.dbchat.conversations;

/**
 * The Lua scripts that change a conversation atomically: each checks the claim and writes in one step, so a
 * turn finishing just after a delete cannot bring the conversation back, and two gateways cannot both claim an id.
 */
final class Scripts {

    private Scripts() {
    }

    /**
     * KEYS claim, record, order, answers, marks; ARGV principal, now, retention (ms). A new claim erases what an
     * expired predecessor may have left; the owner's claim is extended. Returns new, owned, deleted or foreign.
     */
    static final String CLAIM = """
            local owner = redis.call('HGET', KEYS[1], 'owner')
            if not owner then
              redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5])
              redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'created_at', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              return 'new'
            end
            if owner ~= ARGV[1] then return 'foreign' end
            if redis.call('HEXISTS', KEYS[1], 'deleted') == 1 then return 'deleted' end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[5], ARGV[3])
            return 'owned'
            """;

    /**
     * KEYS claim, record, order, answers, marks, list of the principal; ARGV principal, conversation id,
     * retention (ms). Leaves a tombstone claim for the retention; returns 1 when deleted, 0 when not the owner's.
     */
    static final String DELETE = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'deleted') == 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], 'deleted', '1')
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5])
            redis.call('ZREM', KEYS[6], ARGV[2])
            return 1
            """;

    /** KEYS claim, marks; ARGV principal, query id, verdict, retention (ms). Returns 1 when marked. */
    static final String MARK = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'deleted') == 1 then
              return 0
            end
            redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 1
            """;

    /**
     * KEYS claim, record, order, answers, list of the principal, marks; ARGV principal, conversation id, query id,
     * turn JSON, answer JSON, question, asked at, answered at (ms), retention (ms), max turns, and "1" when the turn
     * only fills a gap (a cancelled one: written only where the query has no turn yet). Writes only into a live
     * conversation the principal owns; idempotent by query id; the oldest turns leave past max turns.
     * Returns 1 when written, 0 when the conversation is not (or no longer) the principal's.
     */
    static final String RECORD = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'deleted') == 1 then
              return 0
            end
            if ARGV[11] == '1' and redis.call('HEXISTS', KEYS[2], 'turn:' .. ARGV[3]) == 1 then
              return 1
            end
            local asked = tonumber(ARGV[7])
            local now = tonumber(ARGV[8])
            redis.call('HSETNX', KEYS[2], 'owner', ARGV[1])
            redis.call('HSETNX', KEYS[2], 'title', ARGV[6])
            redis.call('HSETNX', KEYS[2], 'created_at', ARGV[7])
            local updated = tonumber(redis.call('HGET', KEYS[2], 'updated_at') or '0')
            if now > updated then
              updated = now
              redis.call('HSET', KEYS[2], 'updated_at', ARGV[8])
            end
            if asked >= tonumber(redis.call('HGET', KEYS[2], 'last_asked_at') or '0') then
              redis.call('HSET', KEYS[2], 'last_asked_at', ARGV[7], 'last_question', ARGV[6])
            end
            redis.call('HSET', KEYS[2], 'turn:' .. ARGV[3], ARGV[4])
            redis.call('ZADD', KEYS[3], asked, ARGV[3])
            redis.call('HSET', KEYS[4], ARGV[3], ARGV[5])
            local extra = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[10])
            if extra > 0 then
              for _, old in ipairs(redis.call('ZRANGE', KEYS[3], 0, extra - 1)) do
                redis.call('HDEL', KEYS[2], 'turn:' .. old)
                redis.call('HDEL', KEYS[4], old)
                redis.call('HDEL', KEYS[6], old)
              end
              redis.call('ZREMRANGEBYRANK', KEYS[3], 0, extra - 1)
            end
            redis.call('ZADD', KEYS[5], updated, ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', '(' .. (now - tonumber(ARGV[9])))
            for i = 2, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[9]) end
            return 1
            """;
}
