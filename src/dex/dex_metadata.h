#pragma once

// The DeX learner service's $metadata: an OData v4 CSDL (EDMX) document generated from the
// entity sets' catalogs (learner/catalogs.h), so every property a request may name is
// declared with the type the query layer checks it as, and nothing else is. Namespace SIMS:
// the enum types (GroupTypeEnum, GenderCategoryEnum, OnRollStateEnum), the complex type
// Lookup {Description, ExternalID, Type} of the Current* properties, the entity types
// LearnerPersonal, LearnerIdentifier and LearnerGroup (key ExternalID + GroupType, as the
// DeX URLs address it) with one derived type per group type (#SIMS.YearGroup, …), and the
// container Learner with the three entity sets and the groups' member navigations.
// Built once; thread-safe.

#include <string_view>

namespace muster::dex {

std::string_view MetadataXml();

}  // namespace muster::dex
