package dev.structscope.model.export;

/**
 * The Lua half of {@link WiresharkExporter}: the interpreter that walks the exported node table
 * over a packet, the way StructScope's dynamic decoder walks a record (members at their offsets;
 * after a member whose size data decides, the next one aligned from the record's start; counted
 * arrays, flexible arrays to the end, tagged unions by their discriminator, placed and sized
 * members), adding each member to the tree with its field. Values of members decoded so far are
 * kept in scopes for the expressions. Constants only; no state.
 */
final class WiresharkRuntime {
    private WiresharkRuntime() {
    }

    /** The interpreter; expects {@code proto}, {@code F} and {@code BIG_ENDIAN} to be defined before it. */
    static final String LUA = """
            -- The interpreter: nodes are {k = "r" record, "s" scalar, "b" bit-field, "z" char array,
            -- "a" array}, with o (offset in the holder), al (alignment), dyn (offset decided by data),
            -- and at / win / cnt / sw (expressions over earlier members, as functions of the scope).

            local function fail(msg, ends) error({msg = msg, ends = ends}, 0) end

            local function need(abs, n, limit, what)
              if n < 0 or abs + n > limit then
                fail(what .. ": " .. n .. " bytes at byte offset " .. abs .. " run past the end of the data ("
                  .. limit .. " bytes)", true)
              end
            end

            local function add(tree, f, range, value)
              if value == nil then
                if BIG_ENDIAN then return tree:add(f, range) else return tree:add_le(f, range) end
              end
              if BIG_ENDIAN then return tree:add(f, range, value) else return tree:add_le(f, range, value) end
            end

            -- Expression helpers: values are Lua numbers (integers up to 2^53) or strings.
            local function num(v)
              if type(v) ~= "number" then fail("'" .. tostring(v) .. "' is not a number") end
              return v
            end
            local function same(a, b)
              if type(a) == "string" and type(b) == "string" then
                return a == b or a == (b:gsub("%z+$", ""))
              end
              return a == b
            end
            local function trunc(x) if x < 0 then return math.ceil(x) else return math.floor(x) end end
            local function bits(fn, a, b)
              -- two's complement over 53 bits through bit32 on both halves
              local function split(x) local lo = x % 4294967296; return (x - lo) / 4294967296, lo end
              local ah, al = split(a); local bh, bl = split(b)
              return fn(ah % 4294967296, bh % 4294967296) * 4294967296 + fn(al, bl)
            end
            local function op(o, a, b)
              if o == "+" then return a + b elseif o == "-" then return a - b elseif o == "*" then return a * b
              elseif o == "/" then if b == 0 then fail("division by zero") end return trunc(a / b)
              elseif o == "%" then if b == 0 then fail("division by zero") end return a - trunc(a / b) * b
              elseif o == "<<" then if b < 0 or b > 63 then return 0 end return a * 2 ^ b
              elseif o == ">>" then if b < 0 or b > 63 then return a < 0 and -1 or 0 end return math.floor(a / 2 ^ b)
              elseif o == "<" then return a < b and 1 or 0 elseif o == ">" then return a > b and 1 or 0
              elseif o == "<=" then return a <= b and 1 or 0 elseif o == ">=" then return a >= b and 1 or 0
              elseif o == "&" then local r = bits(bit32.band, a, b); if r >= 2 ^ 63 then r = r - 2 ^ 64 end return r
              elseif o == "|" then local r = bits(bit32.bor, a, b); if r >= 2 ^ 63 then r = r - 2 ^ 64 end return r
              elseif o == "^" then local r = bits(bit32.bxor, a, b); if r >= 2 ^ 63 then r = r - 2 ^ 64 end return r
              end
              fail("unknown operator " .. o)
            end
            -- A member decoded earlier: in this record, then outward; dotted into nested records.
            local function ref(S, path)
              local s = S
              while s do
                local v = s.vals[path[1]]
                if v ~= nil then
                  for i = 2, #path do
                    if type(v) ~= "table" or v[path[i]] == nil then
                      fail("'" .. table.concat(path, ".", 1, i - 1) .. "' has no member '" .. path[i] .. "'")
                    end
                    v = v[path[i]]
                  end
                  if type(v) == "table" then fail("'" .. table.concat(path, ".") .. "' is not an integer or a char array") end
                  return v
                end
                s = s.parent
              end
              fail("no member '" .. table.concat(path, ".") .. "' was decoded before it")
            end

            local function roundup(v, a) if a <= 1 then return v end return math.ceil(v / a) * a end

            local function integer(tvb, o, n, signed)
              local r = tvb:range(o, n)
              if n <= 4 then
                if BIG_ENDIAN then return signed and r:int() or r:uint() end
                return signed and r:le_int() or r:le_uint()
              end
              local v
              if BIG_ENDIAN then v = signed and r:int64() or r:uint64() else v = signed and r:le_int64() or r:le_uint64() end
              return v:tonumber()
            end

            local function bitvalue(tvb, o, m)
              local r = tvb:range(o, math.min(m.span, 8))
              local v = BIG_ENDIAN and r:uint64() or r:le_uint64()
              local low
              if m.span == 9 then
                -- 64 bits that start inside a byte: the ninth byte holds the top (little-endian) or the bottom bits
                local last = tvb:range(o + 8, 1):uint()
                if BIG_ENDIAN then
                  v = v:lshift(m.sh):bor(UInt64(last):rshift(8 - m.sh))
                else
                  v = v:rshift(m.sh):bor(UInt64(last):lshift(64 - m.sh))
                end
                low = 0
              else
                low = BIG_ENDIAN and (m.span * 8 - m.sh - m.w) or m.sh
                v = v:rshift(low)
              end
              if m.w < 64 then v = v:band(UInt64.max():rshift(64 - m.w)) end
              if m.sg then
                local sv = Int64(v:lower(), v:higher())
                if m.w < 64 and v:rshift(m.w - 1):band(1) == UInt64(1) then
                  sv = Int64(v:bor(UInt64.max():lshift(m.w)):lower(), v:bor(UInt64.max():lshift(m.w)):higher())
                end
                return sv
              end
              return v
            end

            local record, member

            local function value(m, tvb, tree, abs, limit, S, outer)
              if m.k == "s" then
                need(abs, m.n, limit, m.name or "element")
                add(tree, m.f, tvb:range(abs, m.n))
                if m.name and m.t ~= "float" and m.t ~= "double" and m.t ~= "bytes" then
                  S.vals[m.name] = integer(tvb, abs, m.n, m.sg)
                end
                return m.n
              elseif m.k == "z" then
                local n = m.n
                if m.cnt then n = num(m.cnt(S)) elseif m.flex then n = limit - abs end
                if n < 0 then fail((m.name or "element") .. ": count " .. n .. " is negative") end
                need(abs, n, limit, m.name or "element")
                local text = ""
                if n > 0 then
                  text = tvb:range(abs, n):string(ENC_ISO_8859_1)
                  local nul = text:find("\\0", 1, true)
                  if nul then text = text:sub(1, nul - 1) end
                  tree:add(m.f, tvb:range(abs, n), text)
                else
                  tree:add(m.f, tvb:range(abs, 0), "")
                end
                if m.name then S.vals[m.name] = text end
                return n
              elseif m.k == "a" then
                local n = m.n
                if m.cnt then n = num(m.cnt(S)) elseif m.flex then n = -1 end
                if m.cnt and n < 0 then fail((m.name or "element") .. ": count " .. n .. " is negative") end
                if not m.eldyn then
                  if n < 0 then n = m.stride > 0 and math.floor((limit - abs) / m.stride) or 0 end
                  need(abs, n * m.stride, limit, m.name or "element")
                  for i = 0, n - 1 do value(m.el, tvb, tree, abs + i * m.stride, limit, S, outer) end
                  return n * m.stride
                end
                local pos, i = abs, 0
                while n < 0 or i < n do
                  if n < 0 and pos >= limit then break end
                  local size = value(m.el, tvb, tree, pos, limit, S, outer)
                  if n < 0 and size == 0 then fail((m.name or "element") .. ": an element of 0 bytes cannot fill the data") end
                  pos = pos + size
                  i = i + 1
                end
                return pos - abs
              elseif m.k == "r" then
                return record(m, tvb, tree, abs, limit, S, outer)
              end
              fail("unknown node " .. tostring(m.k))
            end

            local function tagged(m, tvb, tree, abs, limit, S, outer)
              local key = m.sw(S)
              local chosen, fallback
              for _, alt in ipairs(m.m) do
                if alt.when == nil then
                  if fallback == nil then fallback = alt end
                else
                  for _, w in ipairs(alt.when) do
                    if same(key, w) then chosen = alt break end
                  end
                  if chosen then break end
                end
              end
              chosen = chosen or fallback
              local sub = tree:add(m.f, tvb:range(abs, 0))
              if chosen == nil then
                sub:append_text(" (no alternative for " .. tostring(key) .. ")")
                if m.win then return 0 end
                fail((m.name or "union") .. ": no alternative matches " .. tostring(key) .. " and there is no default")
              end
              local inner = {vals = {}, parent = S}
              local size = member(chosen, tvb, sub, abs, limit, inner, outer)
              sub:set_len(size)
              if m.name then S.vals[m.name] = inner.vals end
              return size
            end

            local function content(m, tvb, tree, abs, limit, S, outer)
              if m.sw then return tagged(m, tvb, tree, abs, limit, S, outer) end
              return value(m, tvb, tree, abs, limit, S, outer)
            end

            member = function(m, tvb, tree, abs, limit, S, outer)
              if m.k == "b" then
                need(abs, m.span, limit, m.name)
                if m.span <= 4 then
                  add(tree, m.f, tvb:range(abs, m.span))
                else
                  add(tree, m.f, tvb:range(abs, m.span), bitvalue(tvb, abs, m))
                end
                S.vals[m.name] = bitvalue(tvb, abs, m):tonumber()
                return m.span
              end
              if m.win == nil then return content(m, tvb, tree, abs, limit, S, outer) end
              local window = num(m.win(S))
              if window < 0 then fail((m.name or "member") .. ": size " .. window .. " is negative") end
              need(abs, window, limit, m.name or "member")
              local used = content(m, tvb, tree, abs, abs + window, S, outer)
              if used > window then fail((m.name or "member") .. ": content needs " .. used .. " bytes, more than its size " .. window) end
              return window
            end

            record = function(m, tvb, tree, start, limit, S, outer)
              if m.sw then return tagged(m, tvb, tree, start, limit, S, outer) end
              local sub, scope = tree, S
              if not m.anon then
                sub = tree:add(m.f, tvb:range(start, 0))
                scope = {vals = {}, parent = S}
              end
              outer = outer or start
              local cursor, shift = start, 0
              for _, c in ipairs(m.m) do
                if c.at then
                  local pos = num(c.at(scope))
                  local abs = outer + pos
                  if pos < 0 or abs > tvb:len() then
                    fail((c.name or "member") .. ": placed at byte offset " .. abs .. ", outside the data (" .. tvb:len() .. " bytes)")
                  end
                  member(c, tvb, sub, abs, tvb:len(), scope, outer)
                else
                  local abs
                  if m.union then abs = start
                  elseif not c.dyn then abs = start + c.o
                  elseif c.k == "b" then abs = start + c.o + shift
                  else
                    local rel = roundup(cursor - start, c.al)
                    shift = rel - c.o
                    abs = start + rel
                  end
                  local size = member(c, tvb, sub, abs, limit, scope, outer)
                  if abs + size > cursor then cursor = abs + size end
                end
              end
              local size = roundup(cursor - start, m.ral)
              if start + size > limit then size = cursor - start end
              if not m.anon then
                sub:set_len(size)
                if m.name then S.vals[m.name] = scope.vals end
              end
              return size
            end
            """;

    /** The dissector function: one record per datagram (UDP), or records back to back (TCP). */
    static String dissector(boolean tcp, String typeName) {
        String column = WiresharkExporter.lit(typeName);
        if (!tcp) {
            return """
                    function proto.dissector(tvb, pinfo, tree)
                      pinfo.cols.protocol = %s
                      local item = tree:add(proto, tvb())
                      local ok, res = pcall(record, ROOT, tvb, item, 0, tvb:len(), {vals = {}}, 0)
                      if not ok then
                        item:add_expert_info(PI_MALFORMED, PI_ERROR, type(res) == "table" and res.msg or tostring(res))
                        return tvb:len()
                      end
                      item:set_len(res)
                      if res < tvb:len() then item:add(F["_extra"], tvb:range(res)) end
                      return tvb:len()
                    end

                    """.formatted(column);
        }
        return """
                -- A tree that keeps nothing: a first pass measures a record before it is shown.
                local NOTREE = {}
                setmetatable(NOTREE, {__index = function() return function() return NOTREE end end})

                function proto.dissector(tvb, pinfo, tree)
                  pinfo.cols.protocol = %s
                  local offset = 0
                  while offset < tvb:len() do
                    local ok, res = pcall(record, ROOT, tvb, NOTREE, offset, tvb:len(), {vals = {}}, offset)
                    if not ok and type(res) == "table" and res.ends then
                      -- the record goes on in the next segment: ask TCP for more
                      pinfo.desegment_offset = offset
                      pinfo.desegment_len = DESEGMENT_ONE_MORE_SEGMENT
                      return tvb:len()
                    end
                    local item = tree:add(proto, tvb:range(offset))
                    if ok then
                      ok, res = pcall(record, ROOT, tvb, item, offset, tvb:len(), {vals = {}}, offset)
                    end
                    if not ok then
                      item:add_expert_info(PI_MALFORMED, PI_ERROR, type(res) == "table" and res.msg or tostring(res))
                      return tvb:len()
                    end
                    if res <= 0 then return tvb:len() end
                    item:set_len(res)
                    offset = offset + res
                  end
                  return tvb:len()
                end

                """.formatted(column);
    }
}
