class Name(str):
    def shout(self):
        return self.upper() + '!'

n = Name('alice')
print(n, repr(n), len(n), n[0], n[1:3], n.shout())
print(type(n) is Name, isinstance(n, str), type(n.upper()).__name__, type(n + 'x').__name__)
print(n == 'alice', 'alice' == n, n < 'bob', hash(n) == hash('alice'))
d = {'alice': 1}
print(d[n], n in d, {n: 2}['alice'])
print(n.startswith('al'), n.split('i'), n.replace('a', 'A'), '-'.join([n, n]))
print(f'{n:>8}|', '%s|%5s' % (n, n), '{0}'.format(n), str(n), type(str(n)).__name__)
print('li' in n, n * 2, n.title(), n.encode())
print(n.center(9, '*'), int(Name('42')) + 1, float(Name('1.5')))
n.tag = 7
print(n.tag, getattr(n, 'tag'))
print(sorted([Name('b'), Name('a'), 'c']))
