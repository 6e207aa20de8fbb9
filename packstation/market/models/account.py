"""Token check, stores (campaigns) and buyer information."""

from __future__ import annotations

from packstation.market.models.base import ApiResponse, ForwardPager, Tolerant, WireModel
from packstation.market.models.enums import (
    ApiAvailabilityStatusType,
    ApiKeyScopeType,
    OrderBuyerType,
    PlacementType,
)


class ApiKeyDTO(WireModel):
    name: str
    auth_scopes: list[Tolerant[ApiKeyScopeType]]


class TokenDTO(WireModel):
    api_key: ApiKeyDTO


class GetTokenInfoResponse(ApiResponse):
    result: TokenDTO


class BusinessDTO(WireModel):
    id: int | None = None
    name: str | None = None


class CampaignDTO(WireModel):
    domain: str | None = None
    id: int
    client_id: int | None = None
    business: BusinessDTO | None = None
    placement_type: Tolerant[PlacementType] | None = None
    api_availability: Tolerant[ApiAvailabilityStatusType] | None = None


class GetCampaignsResponse(WireModel):
    campaigns: list[CampaignDTO]
    paging: ForwardPager | None = None


class GetCampaignResponse(WireModel):
    campaign: CampaignDTO


class OrderBuyerInfoDTO(WireModel):
    id: str | None = None
    last_name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    type: Tolerant[OrderBuyerType] | None = None
    phone: str | None = None
    trusted: bool | None = None


class GetOrderBuyerInfoResponse(ApiResponse):
    result: OrderBuyerInfoDTO


class OrderBusinessBuyerDTO(WireModel):
    inn: str | None = None
    kpp: str | None = None
    organization_name: str | None = None
    organization_jur_address: str | None = None


class GetBusinessBuyerInfoResponse(ApiResponse):
    result: OrderBusinessBuyerDTO
