# __future__: the feature names a program may import. Every feature is already how this VM
# behaves or makes no difference to it (annotations are recorded, not evaluated for types).
all_feature_names = ['nested_scopes', 'generators', 'division', 'absolute_import',
                     'with_statement', 'print_function', 'unicode_literals', 'generator_stop',
                     'annotations']
nested_scopes = generators = division = absolute_import = with_statement = True
print_function = unicode_literals = generator_stop = annotations = True
