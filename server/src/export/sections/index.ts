import type { ExportDocument, Section } from '../document.js';
import type { PlanExport } from '../export-model.js';
import { baselinesSection, datasetsSection } from './data.js';
import { budgetSection } from './budget.js';
import { milestonesSection, peopleSection, risksSection } from './delivery.js';
import { metricsSection, objectivesSection, personasSection } from './goals.js';
import { modelsSection } from './models.js';
import { documentTitle, leadBlocks } from './overview.js';
import { monitoringSection, servingSection, slosSection } from './production.js';
import { rolloutSection } from './rollout.js';
import { diagnosticsSection, readinessSection } from './review.js';

/**
 * The export document of a plan or catalog. A plan shows every section, in the order a reviewer
 * reads a plan, each saying so when the plan is silent on it; a catalog shows the sections a
 * catalog can hold.
 */
export function buildDocument(model: PlanExport): ExportDocument {
    const sections: Section[] = model.kind === 'catalog'
        ? [
            peopleSection(model),
            metricsSection(model),
            datasetsSection(model),
            baselinesSection(model),
            diagnosticsSection(model),
        ]
        : [
            objectivesSection(model),
            personasSection(model),
            metricsSection(model),
            datasetsSection(model),
            baselinesSection(model),
            modelsSection(model),
            servingSection(model),
            slosSection(model),
            rolloutSection(model),
            monitoringSection(model),
            risksSection(model),
            milestonesSection(model),
            budgetSection(model),
            peopleSection(model),
            readinessSection(model),
            diagnosticsSection(model),
        ];
    return { title: documentTitle(model), lead: leadBlocks(model), sections };
}
