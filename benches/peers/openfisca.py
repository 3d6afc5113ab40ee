"""The mutual-aid rule in OpenFisca-Core 46, vectorised over the same million
mixed-year cases that gonghui decides (the OpenFisca anchor of docs/PERFORMANCE.md).

Run by benches/peers/openfisca.sh, which builds the virtualenv and the cases:

    python openfisca.py CASES_FILE TYPED_PER_SECOND

CASES_FILE holds six little-endian int64 columns of 1,000,000 rows (chain bits,
cluster bits, enrolment bits from 2020, the year asked about, the premium in fen,
and gonghui's amount in fen), written by `gonghui-peers openfisca-input`.

A minimal tax-benefit system: one entity (the enterprise), its facts as input
variables, the yearly rates of C18 as a parameter with its timeline, and one
formula for the subsidy in integer numpy arithmetic (half up to the fen, I2).
The cases ask about different years, so the formula looks the rate up for each
year of the period and selects per case; enrolment is a bit set, so that the
continuity of C19 / I7 is a few vector operations.
"""

import statistics
import sys
import time

import numpy
from openfisca_core.entities import build_entity
from openfisca_core.model_api import YEAR, Variable, where
from openfisca_core.parameters import ParameterNode
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

FIRST_BIT_YEAR = 2020  # bit i of `enrolled_bits` is the year 2020 + i

Enterprise = build_entity(
    key="enterprise",
    plural="enterprises",
    label="An enterprise whose union asks for the mutual-aid subsidy",
    is_person=True,
)


class chain_bits(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "The key chains the enterprise is in (one bit per chain)"


class cluster_bits(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "The advanced manufacturing clusters it is in (one bit per cluster)"


class enrolled_bits(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "The years it was in the mutual-aid plan (bit i: the year 2020 + i)"


class asked_year(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "The year the subsidy is asked for"


class premium_fen(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "The premium for that year, in fen"


class mutual_aid_subsidy_fen(Variable):
    value_type = int
    entity = Enterprise
    definition_period = YEAR
    label = "The mutual-aid premium subsidy, in fen (C17-C19; I2, I3, I7)"

    def formula(enterprise, period, parameters):
        chains = enterprise("chain_bits", period)
        clusters = enterprise("cluster_bits", period)
        enrolled = enterprise("enrolled_bits", period).astype(numpy.int64)
        year = enterprise("asked_year", period).astype(numpy.int64)
        premium = enterprise("premium_fen", period).astype(numpy.int64)
        first = int(parameters(period).mutual_aid.first_year)
        last = int(parameters(period).mutual_aid.last_year)
        # C18: the rate of each case's own year (0 outside the period).
        rate = numpy.zeros_like(year)
        for y in range(first, last + 1):
            rate = where(year == y, int(parameters(f"{y}-01-01").mutual_aid.rate_percent), rate)
        key = (chains != 0) | (clusters != 0)  # I3
        # C17, I7: no enrolment before the period.
        new = (enrolled & ((1 << (first - FIRST_BIT_YEAR)) - 1)) == 0
        # C19, I7: enrolled every year from the first enrolment through the year.
        through = (numpy.left_shift(1, numpy.clip(year - FIRST_BIT_YEAR + 1, 0, 62))) - 1
        upto = enrolled & through
        lowest = upto & -upto
        continuous = (upto != 0) & (upto == through - (lowest - 1))
        eligible = key & (rate > 0) & new & continuous
        # I2: premium x rate, half up to the fen, in integers.
        return where(eligible, (premium * rate + 50) // 100, 0)


class MutualAidSystem(TaxBenefitSystem):
    def __init__(self):
        super().__init__([Enterprise])
        for variable in (
            chain_bits,
            cluster_bits,
            enrolled_bits,
            asked_year,
            premium_fen,
            mutual_aid_subsidy_fen,
        ):
            self.add_variable(variable)
        self.parameters = ParameterNode(
            "",
            data={
                "mutual_aid": {
                    "rate_percent": {
                        "values": {
                            "2023-01-01": {"value": 50},
                            "2025-01-01": {"value": 40},
                            "2026-01-01": {"value": 30},
                            "2027-01-01": {"value": 0},
                        }
                    },
                    "first_year": {"values": {"2023-01-01": {"value": 2023}}},
                    "last_year": {"values": {"2023-01-01": {"value": 2026}}},
                }
            },
        )


INPUTS = ("chain_bits", "cluster_bits", "enrolled_bits", "asked_year", "premium_fen")
PERIOD = "2023"  # the simulation's period; each case carries its own year


def simulate(system, columns):
    simulation = SimulationBuilder().build_default_simulation(system, count=len(columns[0]))
    for name, column in zip(INPUTS, columns):
        simulation.set_input(name, PERIOD, column)
    return simulation


def main():
    path, typed_per_second = sys.argv[1], float(sys.argv[2])
    data = numpy.fromfile(path, dtype="<i8").reshape(6, -1)
    inputs, expected = [data[i] for i in range(5)], data[5]
    n = len(expected)
    system = MutualAidSystem()

    builds, calculations = [], []
    for _ in range(5):
        start = time.perf_counter()
        simulation = simulate(system, inputs)
        built = time.perf_counter()
        amounts = simulation.calculate("mutual_aid_subsidy_fen", PERIOD)
        done = time.perf_counter()
        builds.append(built - start)
        calculations.append(done - built)
        wrong = numpy.flatnonzero(amounts != expected)
        if len(wrong):
            i = wrong[0]
            sys.exit(
                f"OpenFisca disagrees on {len(wrong)} cases, the first {i}: "
                f"{amounts[i]} fen, gonghui {expected[i]} fen ({[int(c[i]) for c in inputs]})"
            )

    singles = []
    one = [column[:1].copy() for column in inputs]
    for _ in range(200):
        start = time.perf_counter()
        simulate(system, one).calculate("mutual_aid_subsidy_fen", PERIOD)
        singles.append(time.perf_counter() - start)

    calculate = statistics.median(calculations)
    build = statistics.median(builds)
    vectorised = n / calculate
    print(f"OpenFisca-Core 46, numpy {numpy.__version__}: {n} mixed-year mutual-aid cases; "
          f"every amount agrees with gonghui ({int((expected > 0).sum())} with a subsidy)")
    print(f"  calculate, vectorised       {calculate:8.3f} s  {vectorised:14,.0f} cases/s "
          f"(rounds {', '.join(f'{c:.3f}' for c in calculations)} s)")
    print(f"  + building the simulation   {build:8.3f} s  {n / (calculate + build):14,.0f} cases/s")
    print(f"  one case (build + calculate) {statistics.median(singles) * 1e6:7.1f} us")
    print(f"  gonghui typed batch (Cases) {n / typed_per_second:8.3f} s  {typed_per_second:14,.0f} cases/s")
    print(f"gonghui typed batch by column vs OpenFisca vectorised: {typed_per_second / vectorised:.1f}x "
          f"faster (target >= 10x)")
    print(f"figure\topenfisca_vectorised_per_s\t{vectorised:.0f}")
    print(f"figure\topenfisca_single_us\t{statistics.median(singles) * 1e6:.1f}")


if __name__ == "__main__":
    main()
