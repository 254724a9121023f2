# leading comment

x = 1  # trailing comment
# between


if x:
    # comment inside block

    print("ok")  # done
        # oddly indented comment
print("end")
