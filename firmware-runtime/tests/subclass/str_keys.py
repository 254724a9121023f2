# str subclass instances as attribute names, keyword names and dict keys
class S(str): pass
class O: pass
o = O()
setattr(o, S('zz'), 1)
o.__dict__[S('yy')] = 2
print(o.zz, o.yy, getattr(o, S('zz')), hasattr(o, S('yy')))
def f(a, b=0): return a + b
print(f(**{S('a'): 1, 'b': 2}), dict(**{S('k'): 3}), {S('a'): 1} == {'a': 1})
import sys
print(S('abc') in {'abc'}, {'abc': 1}.get(S('abc')), S('é') + 'x', len(S('héllo')), S('héllo')[1])
