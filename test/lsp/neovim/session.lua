-- A spec author's session in Neovim (0.7 or later), driven headless by test/lsp/neovim.test.ts:
-- Neovim's own LSP client starts `oaskit lsp --stdio`, then the script edits the buffer as a
-- person would and records what the editor shows. Arguments come from the environment:
-- OASKIT_BIN (bin/oaskit.js), OASKIT_SPEC (a copy of spec/appboy.yaml), OASKIT_OUT (JSON result).
local out = {}
local spec = os.getenv('OASKIT_SPEC')
local client_id = vim.lsp.start_client({
  name = 'oaskit',
  cmd = { 'node', os.getenv('OASKIT_BIN'), 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(spec, ':h'),
})
vim.cmd('edit ' .. vim.fn.fnameescape(spec))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)
local uri = vim.uri_from_bufnr(buf)
local function diagnostics_on(line)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum == line then table.insert(found, { code = d.code, line = d.lnum, col = d.col, message = d.message }) end
  end
  return found
end
local function pause(ms) vim.wait(ms, function() return false end, 20) end

vim.wait(60000, function() local c = vim.lsp.get_client_by_id(client_id); return c ~= nil and c.initialized end, 50)
-- the committed spec: whatever is published first (it has no problems)
pause(3000)
out.initial = #vim.diagnostic.get(buf)

-- a $ref broken by one letter typed after the component name
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local row, quote
for i, l in ipairs(lines) do
  local s = l:find("%$ref: '#/components/schemas/")
  if s then row = i - 1; quote = l:find("'", s + 7) break end
end
local refLine = lines[row + 1]
vim.api.nvim_buf_set_text(buf, row, quote - 1, row, quote - 1, { 'X' })
vim.wait(60000, function() return #diagnostics_on(row) > 0 end, 50)
out.broken = diagnostics_on(row)

-- its quick fixes
local params = { textDocument = { uri = uri }, range = { start = { line = row, character = quote - 2 }, ['end'] = { line = row, character = quote - 2 } } }
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, row) }
out.actions = {}
for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000) or {}) do
  for _, a in ipairs(r.result or {}) do table.insert(out.actions, a.title) end
end

-- undo: the diagnostic goes
vim.api.nvim_buf_set_text(buf, row, quote - 1, row, quote, { '' })
vim.wait(60000, function() return #diagnostics_on(row) == 0 end, 50)
out.afterUndo = #diagnostics_on(row)

-- hover on the first operationId
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local c = l:find('operationId:')
  if c then
    local hover = { textDocument = { uri = uri }, position = { line = i - 1, character = c + 13 } }
    for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/hover', hover, 30000) or {}) do
      if r.result then out.hover = r.result.contents.value end
    end
    break
  end
end

-- completion inside an unclosed quote, as typed: `$ref: '#/components/schemas/Us`
local prefix = refLine:sub(1, refLine:find('schemas/') + 7)
vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { prefix .. 'Us' })
pause(500)
out.typed = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
local at = { textDocument = { uri = uri }, position = { line = row, character = #prefix + 2 } }
out.completion = {}
for _, r in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/completion', at, 30000) or {}) do
  for _, item in ipairs(r.result and (r.result.items or r.result) or {}) do
    table.insert(out.completion, { label = item.label, from = item.textEdit and item.textEdit.range.start.character, to = item.textEdit and item.textEdit.range['end'].character })
  end
end

vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('OASKIT_OUT'))
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
