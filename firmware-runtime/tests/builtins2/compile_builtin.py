code = compile('x * 2', '<s>', 'eval')
print(eval(code, {'x': 21}), type(code).__name__)
c2 = compile('y = 5\nprint("exec", y)', 'file.py', 'exec')
ns = {}
exec(c2, ns)
print(ns['y'], eval(compile('1 + 1', '<e>', 'eval')))
c3 = compile(b'z = 3', '<b>', 'exec'); exec(c3); print(z)
try:
    compile('x', '<s>', 'bogus')
except ValueError as e:
    print('ValueError')
try:
    compile('1 +', '<s>', 'eval')
except SyntaxError as e:
    print('SyntaxError', e.lineno)
