# The 0 flag with an explicit alignment pads with zeros unless a fill is given.
for spec in ['<08', '>08', '^08', '=08', '08', 'x<08', '*^9', '<+08', '>08.2f', '<010,']:
    for v in [5, -5, 3.14159, 1234567]:
        try:
            print(repr(spec), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), 'ValueError', e)
print('{:<08}|{:>06}|{:^07}'.format(5, 'ab', 'x'))
