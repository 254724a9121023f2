class Path(str):
    def parts(self):
        return self.split('/')
    def join(self, other):
        return Path(str(self) + '/' + other)

p = Path('usr/local')
q = p.join('bin')
print(q, type(q).__name__, q.parts(), p.parts())
for r in (p.upper(), p.strip(), p[0], p[:3], p * 1, p + '', p.replace('x', 'y'), p.lower(),
          p.split('/')[0], p.partition('/')[0], p.zfill(3), p.lstrip(), p.casefold(), p.expandtabs(), p.center(2)):
    print(repr(r), type(r).__name__)
print(p.find('l'), p.count('l'), p.isalpha(), p.endswith('cal'), p.encode(), len(p), p.splitlines())
print(str.upper(p), str.join('-', [p, p]), p.__len__(), p.__contains__('loc'), p.__getitem__(0))
print('%s|%-12s|%r' % (p, p, p), '{:^13}'.format(p), f'{p!s}{p!r}', 'x'.join(Path('ab')))
