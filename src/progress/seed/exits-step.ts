import type { ContractType, FollowUpStatus } from '../../schemas/followup-api.ts';
import { addDays, followUpSchedule } from '../follow-up-schedule.ts';
import { recordExit, recordFollowUp } from '../queries/follow-ups.ts';
import type { SeedStep } from './seed.ts';

const contracts: Record<ContractType, number> = { cdi: 30, cdd: 30, interim: 20, alternance: 12, independant: 4, other: 4 };

/**
 * Exits at the end of every cohort that has ended (a few leave early), and the follow-ups that
 * are due, mostly recorded: what was a job mostly stays one, training leads to jobs, some people
 * cannot be reached. About one follow-up in eight due is left for the due list.
 */
export const exitsStep: SeedStep = {
  name: 'exits and follow-ups',
  async run(state) {
    const { context, random } = state;
    let exits = 0;
    let followUps = 0;
    for (const centre of state.centres) {
      const tutor = centre.tutors[0]!.id;
      for (const cohort of centre.cohorts) {
        if (cohort.endsOn >= state.today) continue;
        for (const apprentice of cohort.apprentices) {
          const early = apprentice.engagement < 0.4 && random.next() < 0.6;
          const leftOn = early ? addDays(cohort.startsOn, random.int(14, 40)) : addDays(cohort.endsOn, random.int(0, 5));
          if (leftOn > state.today) continue;
          const outcome = early ? random.weighted({ job: 20, training: 10, other: 70 }) : random.weighted(centre.programme.exits);
          const contract = outcome === 'job' ? random.weighted(contracts) : undefined;
          const exit = await recordExit(context.db, {
            cohortId: cohort.id,
            apprenticeId: apprentice.id,
            centreId: centre.programme.centreId,
            leftOn,
            outcome,
            ...(contract ? { contract, employer: random.pick(['Artisan du quartier', 'Entreprise Martin', 'Réseaux Nord', 'Boulangerie Dupain', 'Mairie', 'Agence intérim']) } : {}),
            recordedBy: tutor,
            now: state.now,
          });
          exits += 1;
          let status: FollowUpStatus = outcome === 'job' ? 'employed' : outcome === 'training' ? 'training' : 'searching';
          for (const { milestone, dueOn } of followUpSchedule(leftOn)) {
            if (dueOn > state.today) break;
            if (random.next() < 0.12) continue;
            status =
              status === 'employed' ? random.weighted({ employed: 85, searching: 8, unreachable: 7 })
              : status === 'training' ? random.weighted({ training: 55, employed: 35, searching: 5, unreachable: 5 })
              : random.weighted({ searching: 45, employed: 30, training: 15, unreachable: 10 });
            const followUpContract = status === 'employed' ? random.weighted(contracts) : undefined;
            const doneOn = [addDays(dueOn, random.int(0, 12)), state.today].sort()[0]!;
            await recordFollowUp(context.db, exit.id, milestone, { doneOn, status, ...(followUpContract ? { contract: followUpContract } : {}), recordedBy: tutor, now: state.now });
            followUps += 1;
            if (status === 'unreachable') status = 'searching';
          }
        }
      }
    }
    return `${exits} exits, ${followUps} follow-ups recorded`;
  },
};
