# vbpy's enum (frozen): Enum, IntEnum (comparisons/arithmetic through .value), auto, unique.


class auto:
    _counter = [0]

    def __init__(self):
        auto._counter[0] += 1
        self._order = auto._counter[0]


def _is_member_name(name, value):
    if name.startswith("_"):
        return False
    if callable(value) or isinstance(value, (staticmethod, classmethod, property)):
        return False
    return True


class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = [(k, v) for k, v in ns.items() if _is_member_name(k, v)]
        cls = super().__new__(mcls, name, bases, ns)
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_names_ = []
        last = 0
        for key, value in members:
            if isinstance(value, auto):
                value = last + 1
            if isinstance(value, int) and not isinstance(value, bool):
                last = value
            if value in cls._value2member_map_:
                member = cls._value2member_map_[value]  # an alias
            else:
                member = object.__new__(cls)
                object.__setattr__(member, "_name_", key)
                object.__setattr__(member, "_value_", value)
                cls._value2member_map_[value] = member
                cls._member_names_.append(key)
            cls._member_map_[key] = member
            type.__setattr__(cls, key, member)
        return cls

    def __call__(cls, value, *args):
        if args or not cls._member_map_ and cls.__name__ in ("Enum", "IntEnum"):
            raise TypeError("functional Enum API is not supported")
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % name)
        type.__setattr__(cls, name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __setattr__(self, name, value):
        raise AttributeError("cannot set attributes of enum members")


class IntEnum(Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < int(other)

    def __le__(self, other):
        return self._value_ <= int(other)

    def __gt__(self, other):
        return self._value_ > int(other)

    def __ge__(self, other):
        return self._value_ >= int(other)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __add__(self, other):
        return self._value_ + int(other)

    __radd__ = __add__

    def __sub__(self, other):
        return self._value_ - int(other)

    def __mul__(self, other):
        return self._value_ * int(other)

    def __and__(self, other):
        return self._value_ & int(other)

    def __or__(self, other):
        return self._value_ | int(other)


def unique(cls):
    dup = [n for n, m in cls._member_map_.items() if m._name_ != n]
    if dup:
        raise ValueError("duplicate values found in %r: %s" % (cls, ", ".join(dup)))
    return cls
